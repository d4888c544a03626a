"""A visitor browses the library: a category, a filter, a resource; axe on each page."""

import pytest
from django.contrib.auth.models import User

from tests.browser.accessibility import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_filters_a_category_by_audience_and_opens_a_resource(page, reference_data):
    page.goto("/resources/")
    assert page.locator("h1").inner_text() == "Resource library"
    assert_accessible(page)

    page.get_by_role("link", name="Trainings", exact=True).click()
    page.wait_for_url("**/resources/trainings/")
    assert page.locator("h1").inner_text() == "Trainings"
    assert_accessible(page)
    everyone = page.locator(".resource-card").count()

    page.get_by_label("Audience").select_option(label="Employers")
    page.get_by_role("button", name="Show resources").click()
    page.wait_for_url("**/resources/trainings/?*audience=employers*")
    cards = page.locator(".resource-card")
    assert 0 < cards.count() < everyone
    assert page.get_by_label("Audience").input_value() == "employers"
    assert_accessible(page)

    title = cards.first.locator("h3 a").inner_text()
    cards.first.locator("h3 a").click()
    page.wait_for_url("**/resources/sample-*/")
    assert page.locator("h1").inner_text() == title
    assert page.get_by_text("Sample resource — not a real publication").first.is_visible()
    assert "Employers" in page.locator(".resource-facts").inner_text()
    assert_accessible(page)

    assert page.request_log.urls
    assert page.request_log.foreign() == []


def test_the_library_works_without_javascript(page_factory, reference_data):
    page = page_factory(javascript=False)
    page.goto("/resources/legislation/")
    page.get_by_label("Keyword").fill("Proposition 35")
    page.get_by_role("button", name="Show resources").click()
    page.wait_for_url("**/resources/legislation/?*q=Proposition*")
    page.get_by_role("link", name="Proposition 35", exact=False).first.click()
    page.wait_for_url("**/resources/proposition-35-case-act/")
    assert "81%" in page.locator("main").inner_text()
    assert page.request_log.foreign() == []


@pytest.mark.parametrize("path", ["/resources/", "/resources/trainings/", "/about/"])
def test_library_pages_fit_a_small_phone(page_factory, reference_data, path):
    page = page_factory(width=320, height=640)
    page.goto(path)
    # Nothing wider than the screen: no sideways scrolling on a 320-pixel phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_about_page_passes_axe(page, reference_data):
    page.goto("/about/")
    assert "Proposition 35" in page.locator("main").inner_text()
    assert_accessible(page)


def test_a_curator_previews_markdown_before_saving(page, reference_data):
    User.objects.create_superuser("editor", password="a long passphrase for tests")
    page.goto("/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a long passphrase for tests")
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto("/admin/resources/resource/add/")
    editor = page.locator(".markdown-editor").first
    editor.locator("textarea").fill("# Key facts\n\n**Bold** <script>window.hacked = 1</script>")
    editor.get_by_role("button", name="Update preview").click()
    output = editor.locator(".markdown-editor__output")
    output.locator("strong").wait_for()
    assert output.locator("h2").inner_text() == "Key facts"
    assert output.locator("script").count() == 0
    assert page.evaluate("window.hacked") is None
