import pytest

from organizations.sample_data import SampleDirectory
from tests.browser.accessibility import assert_accessible, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_goes_from_the_county_list_to_an_organization(page, reference_data):
    SampleDirectory(count=60, seed=5).build()
    page.goto("/")
    assert page.locator("h1").count() == 1
    page.get_by_role("link", name="Fresno", exact=True).click()
    page.wait_for_url("**/counties/fresno/")
    assert "Fresno County" in page.locator("h1").inner_text()
    page.locator(".result__name a").first.click()
    page.wait_for_url("**/organizations/**")
    assert page.get_by_text("Sample listing — not a real organization").first.is_visible()
    assert page.request_log.urls, "the request log recorded nothing"
    assert page.request_log.foreign() == []


def test_axe_finds_violations_where_there_are_some(page):
    page.set_content("<html><body><img src='data:,'><input type='text'></body></html>")
    found = {violation["id"] for violation in axe_violations(page)}
    assert {"html-has-lang", "image-alt", "label"} <= found


def test_the_home_page_passes_axe(page, reference_data):
    page.goto("/")
    assert_accessible(page)
