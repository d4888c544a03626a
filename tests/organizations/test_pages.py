import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import County
from core.publishing import Status
from tests.factories import (
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ServiceFactory,
    county,
    county_url,
)

pytestmark = pytest.mark.django_db


def test_home_lists_all_58_counties(client):
    response = client.get(reverse("organizations:home"))
    assert response.status_code == 200
    for item in County.objects.all():
        assert county_url(item.slug) in response.content.decode()
    # Once in the list and once on the server-rendered map.
    assert len(re.findall(r'href="/counties/[a-z-]+/"', response.content.decode())) == 2 * 58


def test_home_draws_the_county_map_without_leaflet(client, django_assert_num_queries):
    # The first home page after a change: the coverage (its three grouped counts and
    # the statewide total), then the four reference tables, which the coverage and
    # the form share (core.page_cache.rows_until_change). Within the 10.
    with django_assert_num_queries(8):
        body = client.get(reverse("organizations:home")).content.decode()
    # After that the coverage and the reference rows are cached.
    with django_assert_num_queries(0):
        client.get(reverse("organizations:home"))
    assert body.count('class="county-map__county') == 58
    assert "leaflet" not in body
    assert "directory-map.js" not in body


def test_county_page_lists_published_organizations_serving_it(client):
    fresno = county("fresno")
    shown = ServiceFactory(counties_served=[fresno]).organization
    draft = ServiceFactory(
        organization=OrganizationFactory(status=Status.DRAFT), counties_served=[fresno]
    ).organization
    archived = ServiceFactory(
        organization=OrganizationFactory(status=Status.ARCHIVED), counties_served=[fresno]
    ).organization
    response = client.get(county_url(fresno.slug))
    assert response.status_code == 200
    body = response.content.decode()
    assert shown.name in body
    assert draft.name not in body
    assert archived.name not in body
    assert "1 organization" in body


def test_unknown_county_is_a_404_page(client):
    response = client.get("/counties/atlantis/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_unknown_or_unpublished_organization_is_a_404_page(client):
    draft = OrganizationFactory(status=Status.DRAFT)
    assert client.get("/organizations/nothing-here/").status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_organization_page_shows_services_phones_and_the_sample_label(client):
    service = ServiceFactory(name="Trauma counseling", is_free=True)
    PhoneFactory(organization=service.organization, number="916-555-0142")
    body = client.get(service.organization.get_absolute_url()).content.decode()
    assert "Trauma counseling" in body
    assert 'href="tel:+19165550142"' in body
    assert "Sample listing — not a real organization" in body


def test_confidential_address_never_reaches_the_organization_page(client):
    location = LocationFactory(is_confidential=True, address_1="77 Hidden Way", zip_code="95811")
    body = client.get(location.organization.get_absolute_url()).content.decode()
    assert "77 Hidden Way" not in body
    assert "95811" not in body
    assert "38.5804" not in body
    assert "Confidential location" in body


def test_spanish_page_shows_spanish_description_when_present(client):
    organization = OrganizationFactory(
        description="English text", description_es="Texto en español"
    )
    url = organization.get_absolute_url()
    assert "Texto en español" in client.get("/es" + url).content.decode()
    assert "English text" in client.get(url).content.decode()


def _county_page_queries(client, slug: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/counties/{slug}/")
    assert response.status_code == 200
    return len(queries)


def test_county_page_query_count_does_not_grow_with_organizations(client):
    """Intended to prevent an N+1: 1,000 organizations cost what 10 do (a query per row
    would show as hundreds more; the time of 10,000 is scripts/bench.py's to measure)."""
    from organizations.sample_data import SampleDirectory

    SampleDirectory(count=10, seed=1).build()
    with_ten = _county_page_queries(client, "alameda")
    SampleDirectory(count=1_000, seed=1).build()
    with_a_thousand = _county_page_queries(client, "alameda")
    assert with_ten == with_a_thousand


def test_county_page_query_count_is_pinned(client, django_assert_num_queries):
    fresno = county("fresno")
    for _ in range(5):
        service = ServiceFactory(counties_served=[fresno])
        LocationFactory(organization=service.organization)
        PhoneFactory(organization=service.organization)
    url = county_url(fresno.slug)
    # The first page after a change also reads four reference tables (the form's
    # three, and the counties the result cards name), and loads what the cards it
    # renders show: organizations; the services that matched; every phone of the
    # organizations; locations with county; the services' links to types,
    # languages and counties (one UNION).
    with django_assert_num_queries(1 + 5 + 4):
        client.get(url)
    # The page's rows with the sizes of its segments (local first, which gives the
    # count line's number too: organizations.models.segmented_results); the kept
    # cards need nothing more (organizations.cards). Within the budget of 10.
    with django_assert_num_queries(1):
        client.get(url)
