"""A visitor's whole journey asks nothing of any other origin and leaves no trace.

Loading is covered page by page in test_accessibility; this one uses the
pages as a visitor would: the language switcher, the search form and its
filters, a listing, the correction form, the library and the safety pages.
"""

import pytest

from organizations.models import Organization
from organizations.sample_data import SampleDirectory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What a visit could leave behind in the browser for someone else to find.
STORED = """
(() => ({local: localStorage.length, session: sessionStorage.length}))()
"""


def traces(page) -> dict:
    return {
        "cookies": sorted(cookie["name"] for cookie in page.context.cookies()),
        "storage": page.evaluate(STORED),
    }


def test_a_visit_that_uses_every_kind_of_page_stays_on_the_site(
    page_factory, reference_data, monkeypatch
):
    # A person types the correction in seconds; the spam check's minimum fill time
    # (tested in tests/organizations) would send the form back.
    monkeypatch.setattr("organizations.suggestions.MIN_FILL_SECONDS", 0)
    SampleDirectory(count=24, seed=3).build()
    page = page_factory(width=375, height=800)
    page.goto("/")

    page.get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    page.get_by_role("link", name="English").click()
    page.wait_for_url(lambda url: url.endswith("/") and "/es/" not in url)

    page.get_by_role("link", name="Sacramento", exact=True).click()
    page.wait_for_url("**/counties/sacramento/")
    # A county page leads with its results; the form opens from "Change filters".
    page.locator("#filters > summary").click()
    search = page.get_by_role("search")
    search.get_by_label("What are you looking for?").fill("legal")
    search.locator("summary").click()
    search.get_by_role("checkbox").first.check()
    search.get_by_role("button", name="Search").click()
    page.wait_for_load_state()
    assert "legal" in page.url

    organization = Organization.objects.published().order_by("name").first()
    page.goto(organization.get_absolute_url())
    assert traces(page) == {"cookies": [], "storage": {"local": 0, "session": 0}}
    page.get_by_role("link", name="Suggest a correction").click()
    page.wait_for_url("**/suggest/")
    page.get_by_label("What is wrong or out of date?").fill("The phone number has changed.")
    page.get_by_role("button", name="Send to the curators").click()
    page.wait_for_url("**/suggest/thanks/")

    for name in ("Staying safe online", "Privacy", "Resources"):
        page.get_by_role("link", name=name).first.click()
        page.wait_for_load_state()
    page.locator("main a[href^='/resources/']").first.click()
    page.wait_for_load_state()

    # Only the form left its CSRF cookie, which ends with the browser session.
    [cookie] = page.context.cookies()
    assert cookie["name"] == "csrftoken"
    assert cookie["expires"] == -1
    assert traces(page)["storage"] == {"local": 0, "session": 0}
    visited = {url for url in page.request_log.urls if "/static/" not in url}
    assert len(visited) >= 10, visited
    assert page.request_log.foreign() == []
