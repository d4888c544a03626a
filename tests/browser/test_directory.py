"""A visitor finds a service in Chromium: map, filters, organization page, same origin only."""

import re

import pytest

from organizations.sample_data import SampleDirectory
from tests.browser.accessibility import assert_accessible, wait_until_drawn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory(reference_data):
    SampleDirectory(count=60, seed=5).build()


def test_a_visitor_clicks_a_county_on_the_map_filters_and_opens_an_organization(page, directory):
    page.goto("/")
    # The home page's map is server-rendered SVG: each county is a link.
    fresno = page.locator(".county-map a[href$='/counties/fresno/']")
    fresno.wait_for(state="visible")
    fresno.click()
    page.wait_for_url("**/counties/fresno/")
    assert "Fresno County" in page.locator("h1").inner_text()
    # The shape arrives after the load event (the map script fetches it): waited for.
    wait_until_drawn(page)
    assert page.locator("path.county--fresno").count() == 1, "the county page draws its shape"

    # The county page shows its results first; its filters open from one line.
    page.locator(".filters__summary").click()
    page.locator(".search-form__more summary").click()
    page.get_by_label("Free of charge").check()
    page.get_by_label("Language spoken").select_option("en")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/counties/fresno/\?.*free=1.*"))
    # The results come first; the folded form's one line says what was asked.
    summary = page.locator(".filters__summary").inner_text()
    assert "English · Free of charge" in summary, summary
    page.locator(".filters__summary").click()
    assert page.get_by_role("link", name=re.compile("Free of charge")).is_visible()
    assert page.get_by_role("link", name=re.compile("Language spoken: English")).is_visible()
    count = page.locator(".results__count").inner_text()
    assert re.match(r"\d+ organizations?", count), count
    assert not count.startswith("0 ")

    first = page.locator(".result__name a").first
    name = first.inner_text()
    first.click()
    page.wait_for_url("**/organizations/**")
    assert page.locator("h1").inner_text() == name

    assert page.request_log.urls, "the request log recorded nothing"
    assert page.request_log.foreign() == []


def test_street_map_tiles_load_only_when_asked(page, directory, live_server, settings):
    settings.STREET_MAP_TILE_URL = live_server.url + "/static/tiles-for-test/{z}/{x}/{y}.png"
    page.goto("/counties/fresno/")
    page.locator("path.county--fresno").wait_for(state="visible")
    assert page.locator(".map-marker").count() > 0, "sites are marked on the county map"
    assert not [url for url in page.request_log.urls if "tiles-for-test" in url]
    page.get_by_role("button", name="Show street map").click()
    page.locator(".leaflet-tile").first.wait_for(state="attached")
    assert [url for url in page.request_log.urls if "tiles-for-test" in url]
    assert page.get_by_role("button", name="Show street map").count() == 0


def test_the_directory_works_without_javascript(page_factory, directory):
    page = page_factory(javascript=False)
    page.goto("/")
    assert not page.locator("[data-map]").is_visible(), "no empty map box without JavaScript"
    page.get_by_role("link", name="Fresno", exact=True).click()
    page.wait_for_url("**/counties/fresno/")
    # <details> opens the folded form without JavaScript.
    page.locator(".filters__summary").click()
    page.locator(".search-form__more summary").click()
    page.get_by_label("Open 24/7").check()
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**open_24_7=1**")
    assert "Open 24/7" in page.locator(".filters__summary").inner_text()
    assert page.locator("[data-copy-link]").is_hidden()
    assert page.get_by_role("link", name="Link to this page").is_visible()


def test_a_zip_code_search_from_the_home_page(page, directory):
    page.goto("/")
    page.get_by_label("ZIP code").fill("95814")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?**zip=95814**")
    assert "Near 95814" in page.locator(".filters__summary").inner_text()
    assert "Nearest to ZIP code 95814 first." in page.content()
    assert page.request_log.foreign() == []


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/search/?q=legal&zip=95814&free=1",
        "/search/?county=nowhere&zip=abc",
        "/counties/fresno/?service_type=legal-services",
        "/es/counties/alpine/?population=minors&open_24_7=1",
    ],
)
@pytest.mark.parametrize("width", [1280, 375])
def test_directory_pages_pass_axe(page_factory, directory, url, width):
    page = page_factory(width=width)
    page.goto(url)
    wait_until_drawn(page)
    assert_accessible(page)


def test_the_organization_page_passes_axe(page, directory):
    from organizations.models import Organization

    page.goto(Organization.objects.published().order_by("pk").first().get_absolute_url())
    wait_until_drawn(page)
    assert_accessible(page)


def test_printing_gives_a_clean_handout(page, directory):
    from organizations.models import Organization

    organization = Organization.objects.published().order_by("pk").first()
    page.goto(organization.get_absolute_url())
    page.emulate_media(media="print")
    for hidden in [".quick-exit", ".site-header nav", ".site-footer", ".share", "[data-map]"]:
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator(".print-only").first.is_visible()
    assert organization.get_absolute_url() in page.locator("p.print-only").first.inner_text()
    assert page.locator(".phones a[href^='tel:']").first.is_visible()

    page.goto("/counties/fresno/")
    page.emulate_media(media="print")
    assert page.locator(".search-form").is_hidden()
    assert page.locator(".result").first.is_visible()
    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF")
