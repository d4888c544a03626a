"""Result cards are rendered once per change, and never shown for another search."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from organizations.verification import stale_cutoff
from tests.factories import LocationFactory, ServiceFactory, county, county_url, service_type

pytestmark = pytest.mark.django_db


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_change_to_a_listing_shows_on_its_cached_card(client):
    service = ServiceFactory(counties_served=[county("fresno")], name="Harbor legal clinic")
    assert "Harbor legal clinic" in page(client, county_url("fresno"))
    service.name = "Harbor law clinic"
    service.save()
    assert "Harbor law clinic" in page(client, county_url("fresno"))
    organization = service.organization
    organization.name = "Renamed organization"
    organization.save()
    assert "Renamed organization" in page(client, county_url("fresno"))


def test_each_language_has_its_own_cards(client):
    ServiceFactory(counties_served=[county("fresno")], is_free=True)
    english = page(client, county_url("fresno"))
    spanish = page(client, "/es" + county_url("fresno"))
    assert '<span class="badge badge--free">Free</span>' in english
    assert '<span class="badge badge--free">Free</span>' not in spanish
    assert "Condado de Fresno" in spanish


def test_a_card_shows_only_the_services_that_matched_this_search(client):
    fresno = county("fresno")
    legal = ServiceFactory(
        counties_served=[fresno], name="Legal clinic", types=[service_type("legal-services")]
    )
    ServiceFactory(organization=legal.organization, counties_served=[fresno], name="Night shelter")
    everything = page(client, county_url("fresno"))
    assert "Legal clinic" in everything
    assert "Night shelter" in everything
    filtered = page(client, county_url("fresno") + "?service_type=legal-services")
    assert "Legal clinic" in filtered
    assert "Night shelter" not in filtered


def test_a_card_gives_the_reason_for_each_county(client):
    location = LocationFactory(city="Sacramento")
    ServiceFactory(
        organization=location.organization,
        counties_served=[county("sacramento"), county("yolo")],
    )
    assert "Office in Sacramento" in page(client, county_url("sacramento"))
    yolo = page(client, county_url("yolo"))
    assert "Office in Sacramento" not in yolo
    assert "Serves Yolo County from another county" in yolo


def test_a_cached_card_turns_stale_on_the_day_its_listing_does(client):
    # Two minutes apart, across midnight: well within the life of a cached card.
    evening = timezone.make_aware(datetime(2026, 6, 15, 23, 59))
    service = ServiceFactory(counties_served=[county("fresno")])
    organization = service.organization
    with time_machine.travel(evening, tick=False):
        organization.last_verified_on = stale_cutoff()
        organization.save()
        assert "Not checked for over 18 months" not in page(client, county_url("fresno"))
    with time_machine.travel(evening + timedelta(minutes=2), tick=False):
        assert "Not checked for over 18 months" in page(client, county_url("fresno"))
