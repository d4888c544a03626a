"""Leaflet costs a phone nothing before the page is usable, and nothing where no map is drawn."""

import pytest

from organizations.sample_data import SampleDirectory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
# When the page's load event began, and when the request for Leaflet's script did.
LEAFLET_SCRIPT_TIMING = """() => {
  const page = performance.getEntriesByType("navigation")[0];
  const script = performance.getEntriesByType("resource").find((entry) => {
    const path = new URL(entry.name).pathname;
    return path.includes("/leaflet/") && path.endsWith(".js");
  });
  return [page.loadEventStart, script ? script.startTime : null];
}"""


@pytest.fixture
def directory(reference_data):
    SampleDirectory(count=30, seed=5).build()


def test_leaflet_is_asked_for_only_after_the_page_has_loaded(page_factory, directory):
    page = page_factory(**PHONE)
    page.goto("/counties/fresno/")
    page.locator("[data-map-ready]").wait_for(state="attached")
    assert page.locator("path.county--fresno").count() == 1
    loaded, leaflet_script = page.evaluate(LEAFLET_SCRIPT_TIMING)
    assert leaflet_script is not None, "the map page loads Leaflet"
    assert leaflet_script >= loaded, "Leaflet's script waits for the page's load event"
    assert page.get_by_role("button", name="Show street map").is_enabled()


def test_pages_without_a_map_ask_for_no_leaflet_file(page_factory, directory):
    page = page_factory(**PHONE)
    for path in ["/", "/search/?county=fresno", "/resources/", "/es/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert not [url for url in page.request_log.urls if "leaflet" in url], path
