"""The organization page: everything edited inline, in a bounded number of queries."""

import pytest
from django.urls import reverse

from organizations.models import Location, Schedule
from tests.curation.conftest import change_form_data
from tests.factories import (
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceFactory,
    county,
    language,
    population,
    service_type,
)

pytestmark = pytest.mark.django_db


def listing_with(count: int):
    organization = OrganizationFactory()
    for _ in range(count):
        service = ServiceFactory(
            organization=organization,
            types=[service_type("case-management"), service_type("emergency-shelter")],
            counties_served=[county("fresno"), county("kern")],
            populations_served=[population("adults")],
            languages_spoken=[language("es")],
        )
        location = LocationFactory(organization=organization)
        location.services.add(service)
        ScheduleFactory(location=location, weekday=1)
        ScheduleFactory(location=location, weekday=2)
        PhoneFactory(organization=organization, service=service)
        PhoneFactory(organization=organization, location=location).languages.add(language("es"))
    return organization


def change_url(organization) -> str:
    return reverse("admin:organizations_organization_change", args=[organization.pk])


def test_change_page_with_ten_services_and_locations_has_bounded_queries(
    admin_client, django_assert_max_num_queries
):
    """Intended to prevent N+1s in the inlines: autocomplete labels, select choices,
    the services' headings and the locations' hours are each read once per page."""
    small, large = listing_with(1), listing_with(10)
    admin_client.get(change_url(small))  # warm the content-type cache

    with django_assert_max_num_queries(26) as small_queries:
        assert admin_client.get(change_url(small)).status_code == 200
    with django_assert_max_num_queries(26) as large_queries:
        response = admin_client.get(change_url(large))
    assert response.status_code == 200
    assert len(large_queries) == len(small_queries), "the count must not grow with the listing"
    body = response.content.decode()
    assert body.count('name="services-') > 10 * 10
    assert "Mon-Tue 09:00-17:00" in body


def test_a_service_is_edited_inline_and_history_records_it(admin_client, admin_user):
    organization = listing_with(2)
    service = organization.services.order_by("pk").first()
    url = change_url(organization)
    data = change_form_data(admin_client.get(url))
    index = next(i for i in range(2) if data[f"services-{i}-id"] == str(service.pk))
    data[f"services-{index}-name_en"] = "Renamed counseling"
    data[f"services-{index}-counties"] = [str(county("kings").pk)]

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    service.refresh_from_db()
    assert service.name == "Renamed counseling"
    assert list(service.counties.values_list("slug", flat=True)) == ["kings"]
    record = service.history.order_by("-history_id").first()
    assert (record.name, record.history_user) == ("Renamed counseling", admin_user)


def test_a_new_location_with_hours_is_added_on_the_same_page(admin_client):
    organization = listing_with(1)
    service = organization.services.get()
    url = change_url(organization)
    data = change_form_data(admin_client.get(url))
    data |= {
        "locations-TOTAL_FORMS": "2",
        "locations-1-name_en": "Valley office",
        "locations-1-city": "Visalia",
        "locations-1-zip_code": "93291",
        "locations-1-county": str(county("tulare").pk),
        "locations-1-latitude": "36.330000",
        "locations-1-longitude": "-119.290000",
        "locations-1-hours": "Mon-Fri 8:30am-5pm\r\nSat 10:00-12:00 (walk-ins)",
        "locations-1-services": [str(service.pk)],
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    location = Location.objects.get(name="Valley office")
    assert list(location.services.all()) == [service]
    assert location.schedules.count() == 6
    assert location.schedules.get(weekday=6).note == "walk-ins"


def test_bad_hours_and_half_coordinates_are_form_errors(admin_client):
    organization = listing_with(1)
    url = change_url(organization)
    data = change_form_data(admin_client.get(url))
    schedules_before = Schedule.objects.count()
    data |= {"locations-0-hours": "Mon 9-5", "locations-0-longitude": ""}
    response = admin_client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Line 1: “9” is not a clear time" in body
    assert "Give both latitude and longitude, or neither." in body
    assert Schedule.objects.count() == schedules_before


def test_select_boxes_offer_only_this_organizations_services(admin_client):
    organization = listing_with(1)
    elsewhere = ServiceFactory(name="Someone else's service")
    response = admin_client.get(change_url(organization))
    phone_form = response.context["inline_admin_formsets"][0].formset.forms[0]
    choices = [label for _value, label in phone_form.fields["service"].choices]
    assert organization.services.get().name in choices
    assert elsewhere.name not in choices
    assert elsewhere.name not in response.content.decode()


def test_posting_another_organizations_service_is_refused(admin_client):
    organization = listing_with(1)
    elsewhere = ServiceFactory()
    url = change_url(organization)
    data = change_form_data(admin_client.get(url)) | {"phones-0-service": str(elsewhere.pk)}
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_history_page_gathers_the_whole_listing(admin_client):
    organization = listing_with(1)
    service = organization.services.get()
    service.name = "New service name"
    service.save()
    response = admin_client.get(
        reverse("admin:organizations_organization_history", args=[organization.pk])
    )
    body = response.content.decode()
    assert "Changes to its services, locations, phones and hours" in body
    assert "New service name" in body
    version = service.history.order_by("-history_id").first()
    assert (
        reverse("admin:organizations_service_simple_history", args=[service.pk, version.history_id])
        in body
    )
    assert (
        admin_client.get("/admin/organizations/organization/not-a-number/history/").status_code
        == 404
    )


def test_zip_lookup_fills_city_county_and_point(admin_client):
    response = admin_client.get(reverse("admin:zip_lookup"), {"code": "95814"})
    place = response.json()
    assert place["city"] == "Sacramento"
    assert place["county"] == {"id": county("sacramento").pk, "name": "Sacramento"}
    assert place["latitude"].startswith("38.")
    bad = admin_client.get(reverse("admin:zip_lookup"), {"code": "10001"})
    assert bad.status_code == 404
    assert "California" in bad.json()["error"]


def test_zip_lookup_is_for_staff_only(client):
    response = client.get(reverse("admin:zip_lookup"), {"code": "95814"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_location_page_has_the_map_picker_and_its_own_history(admin_client):
    location = LocationFactory()
    response = admin_client.get(reverse("admin:organizations_location_change", args=[location.pk]))
    body = response.content.decode()
    assert 'class="latlng-picker"' in body
    assert "leaflet/leaflet.js" in body
    assert "geo/california-counties.geojson" in body
    assert "tile.openstreetmap.org" in body, "the tile address waits in a data attribute"
    assert "Fill from ZIP code" in body
