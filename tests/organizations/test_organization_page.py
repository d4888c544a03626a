"""The organization page: services in full, locations, hours, JSON-LD, map, print and share."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from organizations.models import Schedule
from tests.factories import (
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceFactory,
    county,
    county_url,
    language,
    population,
    service_type,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organization():
    organization = OrganizationFactory(
        name="Harbor House",
        description="Help for survivors.",
        website="https://harbor.example.org/",
        # Recent enough not to be stale whenever the suite runs.
        last_verified_on=timezone.localdate() - timedelta(days=30),
    )
    service = ServiceFactory(
        organization=organization,
        name="Legal clinic",
        types=[service_type("legal-services")],
        populations_served=[population("minors")],
        languages_spoken=[language("es")],
        counties_served=[county("fresno")],
        eligibility="Anyone under 18.",
        fees="Sliding scale.",
        how_to_get_help="Call for an appointment.",
        accepts_referrals=True,
    )
    office = LocationFactory(
        organization=organization,
        name="Main office",
        address_1="1200 Alder St",
        zip_code="95814",
        accessibility="Step-free entrance.",
    )
    office.services.add(service)
    ScheduleFactory(location=office, weekday=Schedule.Weekday.MONDAY)
    ScheduleFactory(
        location=office, weekday=Schedule.Weekday.FRIDAY, opens_at="20:00", closes_at="02:00"
    )
    LocationFactory(
        organization=organization,
        name="Safe house",
        address_1="77 Hidden Way",
        zip_code="95811",
        city="Sacramento",
        latitude="38.591111",
        longitude="-121.471111",
        is_confidential=True,
    )
    PhoneFactory(organization=organization, number="916-555-0142")
    return organization


def test_it_shows_every_service_detail(client, organization):
    body = client.get(organization.get_absolute_url()).content.decode()
    for text in [
        "Legal clinic",
        "Legal services",
        "Minors",
        "Spanish",
        "Fresno County",
        "Anyone under 18.",
        "Sliding scale.",
        "Call for an appointment.",
        "Accepts referrals from other agencies",
        "Step-free entrance.",
        'href="tel:+19165550142"',
        "Checked by CAS Directory on " + date_format(timezone.localdate() - timedelta(days=30)),
        "Suggest a correction",
        "https://harbor.example.org/",
    ]:
        assert text in body, text


def test_hours_show_overnight_rows_and_open_now(client, organization, monkeypatch):
    monday_morning = datetime(2025, 6, 2, 17, 0, tzinfo=UTC)  # 10:00 in California
    monkeypatch.setattr("organizations.views.california_now", lambda: monday_morning)
    body = client.get(organization.get_absolute_url()).content.decode()
    assert "Open now" in body
    assert "(next day)" in body
    monkeypatch.setattr(
        "organizations.views.california_now", lambda: datetime(2025, 6, 3, 17, tzinfo=UTC)
    )
    cache.clear()  # a cached copy of the page would still say what it said at 10:00
    assert "Closed now" in client.get(organization.get_absolute_url()).content.decode()


def test_a_confidential_location_shows_only_city_and_county(client, organization):
    body = client.get(organization.get_absolute_url()).content.decode()
    assert "Confidential location — call for address." in body
    assert "77 Hidden Way" not in body
    assert "95811" not in body
    assert "38.59111" not in body
    assert "-121.47111" not in body


def json_ld(body: str) -> dict:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert block, "no JSON-LD block"
    return json.loads(block.group(1))


def test_json_ld_describes_the_organization_without_confidential_addresses(client, organization):
    body = client.get(organization.get_absolute_url()).content.decode()
    data = json_ld(body)
    assert data["@type"] == "NGO"
    assert data["name"] == "Harbor House"
    assert data["telephone"] == "+19165550142"
    assert data["url"].endswith(organization.get_absolute_url())
    office, safe_house = data["location"]
    assert office["address"]["streetAddress"] == "1200 Alder St"
    assert office["geo"]["latitude"] == pytest.approx(38.5804)
    assert safe_house["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Sacramento",
        "addressRegion": "CA",
        "addressCountry": "US",
    }
    assert "geo" not in safe_house
    assert data["makesOffer"][0]["itemOffered"]["serviceType"] == ["Legal services"]


def test_json_ld_cannot_be_broken_out_of(client):
    organization = OrganizationFactory(name="</script><script>alert(1)</script>")
    body = client.get(organization.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in body
    assert json_ld(body)["name"] == "</script><script>alert(1)</script>"


def test_map_markers_are_only_public_locations(client, organization):
    # A single place draws no map, so a second public office makes one appear;
    # the confidential safe house (with coordinates) must still not be a marker.
    LocationFactory(
        organization=organization,
        name="Fresno office",
        address_1="2300 Tulare St",
        city="Fresno",
        zip_code="93721",
        county=county("fresno"),
        latitude="36.737800",
        longitude="-119.787100",
    )
    body = client.get(organization.get_absolute_url()).content.decode()
    markers = json.loads(
        re.search(r'id="map-markers" type="application/json">(.*?)</script>', body).group(1)
    )
    assert sorted(markers, key=lambda marker: marker["place"]) == [
        {
            "lat": 38.5804,
            "lng": -121.4922,
            "title": "Harbor House",
            "place": "1200 Alder St, Sacramento",
            "url": organization.get_absolute_url(),
        },
        {
            "lat": 36.7378,
            "lng": -119.7871,
            "title": "Harbor House",
            "place": "2300 Tulare St, Fresno",
            "url": organization.get_absolute_url(),
        },
    ]
    settings = json.loads(
        re.search(r'id="map-settings" type="application/json">(.*?)</script>', body).group(1)
    )
    assert settings["counties"].endswith("geo/california-counties.geojson")
    assert settings["tiles"].startswith("https://")
    assert "leaflet/leaflet.js" in body


def test_an_organization_with_only_confidential_sites_has_no_map(client):
    location = LocationFactory(is_confidential=True)
    body = client.get(location.organization.get_absolute_url()).content.decode()
    assert 'data-map="' not in body
    assert "leaflet.js" not in body


def test_no_page_loads_anything_from_another_origin(client, organization):
    fresno = county("fresno")
    for url in [
        "/",
        reverse("organizations:search"),
        county_url(fresno.slug),
        organization.get_absolute_url(),
    ]:
        body = client.get(url).content.decode()
        sources = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', body)
        foreign = [s for s in sources if s.startswith(("http:", "https:", "//"))]
        # hreflang links name the page itself; they load nothing.
        foreign = [s for s in foreign if "testserver" not in s]
        assert foreign == [], url
        assert "style=" not in body, url
        assert not re.search(
            r"<script(?![^>]*\b(?:src|type=\"application/(?:ld\+)?json\"))", body
        ), url


def test_print_and_share_controls(client, organization):
    body = client.get(organization.get_absolute_url()).content.decode()
    assert f'href="{organization.get_absolute_url()}" data-share-link' in body
    assert "data-copy-link hidden" in body
    assert f"Printed from CAS Directory: http://testserver{organization.get_absolute_url()}" in body
    url = reverse("organizations:search") + "?county=fresno&referrals=1"
    search = client.get(url).content.decode()
    assert 'href="/search/?county=fresno&amp;referrals=1" data-share-link' in search


def test_the_spanish_page_uses_spanish_names(client, organization):
    body = client.get("/es" + organization.get_absolute_url()).content.decode()
    assert "Servicios legales" in body
    assert "Menores de edad" in body
    assert '<html lang="es">' in body


def test_a_kept_organization_shows_each_change_and_unpublishing_at_once(client, organization):
    url = organization.get_absolute_url()
    assert client.get(url).status_code == 200
    service = organization.services.first()
    service.name = "Renamed walk-in clinic"
    service.save()
    PhoneFactory(organization=organization, number="209-555-0123")
    body = client.get(url).content.decode()
    assert "Renamed walk-in clinic" in body
    assert "209-555-0123" in body
    organization.status = "draft"
    organization.save()
    assert client.get(url).status_code == 404
