"""The organization change page on a curator's screens: a 1280 px laptop shows the whole
page, inlines included, without sideways scrolling; on a 768 px tablet the page itself
never scrolls sideways, fields stack, and every field of the phone table (which scrolls
in its own box there, as Django's admin does on tablets) can be reached, filled and saved."""

import pytest

from tests.browser.back_office import sign_in, staff_with_role
from tests.factories import (
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ServiceFactory,
    county,
    language,
    population,
    service_type,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Everything in the page's content that reaches past the window's right edge, and every
# box that scrolls sideways (inside the phone table, cells are measured by their box).
SIDEWAYS = """(allowedScroller) => {
  const width = document.documentElement.clientWidth;
  const found = [];
  if (document.documentElement.scrollWidth > width) {
    found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  }
  for (const el of document.querySelectorAll("#content-main *")) {
    if (allowedScroller && el.closest(allowedScroller)) continue;
    const style = getComputedStyle(el);
    if (["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      found.push(`${el.tagName}.${el.className} scrolls: ${el.scrollWidth} in ${el.clientWidth}`);
    }
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 0.5 && !el.closest(".select2-hidden-accessible")) {
      found.push(`${el.tagName}.${el.className} ends at ${Math.round(box.right)} px`);
    }
  }
  return found.slice(0, 20);
}"""


@pytest.fixture
def curator(reference_data):
    return staff_with_role("cora", "Curator")


@pytest.fixture
def listing(reference_data):
    """A busy listing: three services, two locations, four phones with long descriptions."""
    organization = OrganizationFactory(
        name="Sagebrush Crossing Anti-Trafficking Coalition of the Central Valley"
    )
    services = [
        ServiceFactory(
            organization=organization,
            name=name,
            types=[service_type(slug)],
            populations_served=[population("adults"), population("minors")],
            counties_served=[county("fresno"), county("madera"), county("tulare")],
            languages_spoken=[language("en"), language("es")],
            description="Free, confidential help for survivors of sex and labor trafficking.",
        )
        for name, slug in [
            ("Immigration legal help for T and U visa applicants", "legal-services"),
            ("24-hour crisis line answered by trained advocates", "24-7-crisis-hotline"),
            ("Emergency shelter", "emergency-shelter"),
        ]
    ]
    locations = [
        LocationFactory(organization=organization, name="Downtown Fresno office"),
        LocationFactory(organization=organization, name="Visalia drop-in center"),
    ]
    for index, service in enumerate(services):
        service.locations.add(*locations)
        phone = PhoneFactory(
            organization=organization,
            service=service,
            location=locations[index % 2],
            description_en="Answered around the clock by an advocate who speaks Spanish",
            description_es="Atendida a toda hora por una intercesora que habla español",
        )
        phone.languages.set([language("en"), language("es")])
    PhoneFactory(organization=organization)
    return organization


def open_change_page(page, user, organization) -> None:
    sign_in(page, user)
    page.goto(f"/admin/organizations/organization/{organization.pk}/change/")
    # Folded fieldsets ("Access and details") are measured open.
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => (d.open = true))")
    for group, forms in [("#phones-group", 4), ("#services-group", 3), ("#locations-group", 2)]:
        assert (
            page.locator(
                f"{group} .form-row.has_original, {group} .inline-related.has_original"
            ).count()
            == forms
        )


def test_the_change_page_fits_a_1280_px_screen(page_factory, curator, listing):
    page = page_factory(width=1280, height=800)
    open_change_page(page, curator, listing)
    assert page.evaluate(SIDEWAYS, None) == []


def test_on_a_768_px_tablet_every_field_is_reachable_and_the_page_saves(
    page_factory, curator, listing
):
    page = page_factory(width=768, height=1024)
    open_change_page(page, curator, listing)
    assert page.evaluate(SIDEWAYS, "#phones-group .tabular") == []
    # Side-by-side fields stack: a service's name box stays inside the window.
    name = page.locator("[name=services-0-name_en]").bounding_box()
    assert name is not None
    assert name["x"] + name["width"] <= 768
    # The phone table's last columns come into view inside its box and take typing.
    phone_row = page.locator("#phones-group tr.has_original").first
    for field in ["description_en", "description_es", "sort_order"]:
        box = phone_row.locator(f"[name$='-{field}']")
        box.scroll_into_view_if_needed()
        seen = box.bounding_box()
        assert seen is not None
        assert seen["x"] >= 0, field
        assert seen["x"] + seen["width"] <= 768, field
    phone_row.locator("[name$='-description_en']").fill("Answered by an advocate")
    page.click("input[name=_continue]")
    page.wait_for_selector(".messagelist .success")
    assert listing.phones.filter(description_en="Answered by an advocate").count() == 1
