"""A curator's day in the back office, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from core.publishing import Status
from organizations import suggestions
from tests.browser.back_office import sign_in, staff_with_role
from tests.factories import OrganizationFactory, ServiceFactory, service_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A transparent 1x1 PNG, served instead of real street-map tiles.
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


@pytest.fixture
def editor_in_chief(reference_data):
    return staff_with_role("erin", "Editor-in-chief")


def test_edit_a_service_inline_publish_see_it_then_revert_it(page, editor_in_chief):
    listing = OrganizationFactory(name="Harbor Light", slug="harbor-light", status=Status.DRAFT)
    service = ServiceFactory(
        organization=listing, name="Legal clinic", types=[service_type("case-management")]
    )
    sign_in(page, editor_in_chief)

    # Edit the service on the organization's own page.
    page.goto(f"/admin/organizations/organization/{listing.pk}/change/")
    page.fill("#id_services-0-name_en", "Legal clinic, walk-ins welcome")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")

    # Publish it from the list with the bulk action.
    page.goto("/admin/organizations/organization/")
    page.check(f"input[name=_selected_action][value='{listing.pk}']")
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    assert "1 organization published." in page.locator(".messagelist").inner_text()

    page.goto("/organizations/harbor-light/")
    assert page.get_by_role("heading", name="Legal clinic, walk-ins welcome").is_visible()

    # Revert the service from the listing's history page.
    page.goto(f"/admin/organizations/organization/{listing.pk}/history/")
    created = page.locator(".related-history tr", has_text="Created").filter(
        has_text="Legal clinic"
    )
    created.get_by_role("link", name="Legal clinic").click()
    page.wait_for_url(re.compile(rf"/admin/organizations/service/{service.pk}/history/\d+/"))
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    page.goto("/organizations/harbor-light/")
    assert page.get_by_role("heading", name="Legal clinic", exact=True).is_visible()
    assert page.get_by_text("walk-ins welcome").count() == 0
    listing.refresh_from_db()
    assert listing.status == Status.PUBLISHED
    latest = service.history.order_by("-history_id").first()
    assert latest.history_user == editor_in_chief


def test_a_new_location_is_placed_from_its_zip_and_the_map_without_calling_out(
    page, editor_in_chief
):
    listing = OrganizationFactory(name="Harbor Light")
    tile_requests = []

    def fake_tile(route):
        tile_requests.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=PIXEL)

    page.route("https://tile.openstreetmap.org/**", fake_tile)
    sign_in(page, editor_in_chief)
    page.goto(f"/admin/organizations/organization/{listing.pk}/change/")

    # A location added with "Add another" gets the same buttons.
    page.locator(".add-row a", has_text="Add another Location").click()
    form = page.locator("#locations-0")
    form.locator("[name=locations-0-name_en]").fill("Midtown office")
    form.locator("[name=locations-0-zip_code]").fill("95814")
    form.get_by_role("button", name="Fill from ZIP code").click()
    # (wait_for_function would evaluate a string, which the site's CSP forbids.)
    expect(form.locator("[name=locations-0-latitude]")).not_to_have_value("")
    assert form.locator("[name=locations-0-city]").input_value() == "Sacramento"
    assert form.locator(".select2-selection__rendered").first.inner_text().endswith("Sacramento")
    assert "Sacramento" in form.locator(".zip-fill__status").inner_text()

    form.get_by_role("button", name="Place on the map").click()
    form.locator(".latlng-picker__map path").first.wait_for()
    before = form.locator("[name=locations-0-longitude]").input_value()
    form.locator(".latlng-picker__map").click(position={"x": 300, "y": 120})
    expect(form.locator("[name=locations-0-longitude]")).not_to_have_value(before)
    assert form.locator("[name=locations-0-longitude]").input_value() != before
    assert tile_requests == [], "no tile is fetched until the curator asks"
    assert page.request_log.foreign() == []

    form.get_by_role("button", name="Show street map").click()
    form.locator(".leaflet-tile").first.wait_for(state="attached")
    assert tile_requests, "the street map loads once asked for"

    form.locator("[name=locations-0-hours]").fill("Mon-Fri 9:00-17:00")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    location = listing.locations.get()
    assert (location.name, location.city, location.county.name) == (
        "Midtown office",
        "Sacramento",
        "Sacramento",
    )
    assert location.latitude is not None
    assert str(location.longitude) != before
    assert location.schedules.count() == 5


def test_a_visitor_suggests_a_correction(page, reference_data, monkeypatch):
    # The live server runs in this process: no need to wait the real minimum.
    monkeypatch.setattr(suggestions, "MIN_FILL_SECONDS", 0)
    listing = OrganizationFactory(name="Harbor Light", slug="harbor-light")
    page.goto("/organizations/harbor-light/")
    page.get_by_role("link", name="Suggest a correction").click()
    page.get_by_label("What is wrong or out of date?").fill("The hotline number has changed.")
    assert not page.get_by_label("Leave this box empty").is_visible()
    page.get_by_role("button", name="Send to the curators").click()
    page.wait_for_url("**/organizations/harbor-light/suggest/thanks/")
    assert page.get_by_role("heading", name="Thank you").is_visible()
    assert listing.suggestions.get().message == "The hotline number has changed."
    assert page.request_log.foreign() == []


def test_the_export_pages_select_all_box_works_under_the_csp(page, editor_in_chief):
    sign_in(page, editor_in_chief)
    page.goto("/admin/organizations/organization/export/")
    columns = page.locator(".selectable-field-export-row input[type=checkbox]")
    assert columns.count() > 5
    page.locator("input.select-toggle").uncheck()
    assert all(not box.is_checked() for box in columns.all())
    page.locator("input.select-toggle").check()
    assert all(box.is_checked() for box in columns.all())
