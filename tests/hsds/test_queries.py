"""The number of queries behind a response does not grow with the records in it.

Intended to prevent N+1 queries: each count is pinned, checked on the small
directory, then again after many more organizations, services, locations,
phones and hours are added (the page then holds many more records). Django
skips the prefetch of a relation when no record on the page has one, so
each test starts with a record of every kind.
"""

from datetime import time

import pytest

from organizations.hsds.taxonomy import FREE
from organizations.models import Phone
from tests.factories import (
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceFactory,
    county,
    language,
    link_id,
    population,
    service_type,
)

pytestmark = pytest.mark.django_db


def _add_services(organization, count: int) -> None:
    """`count` services, each at its own location (every other one confidential)."""
    for index in range(count):
        service = ServiceFactory(
            organization=organization,
            types=[service_type("legal-services"), service_type("mental-health")],
            populations_served=[population("adults"), population("minors")],
            languages_spoken=[language("en"), language("vi")],
            counties_served=[county("fresno"), county("kern")],
            is_free=True,
            is_24_7=index % 2 == 0,
        )
        location = LocationFactory(organization=organization, is_confidential=index % 2 == 1)
        location.services.add(service)
        ScheduleFactory(location=location, weekday=2, opens_at=time(8), closes_at=time(12))
        ScheduleFactory(location=location, weekday=3, opens_at=time(20), closes_at=time(4))
        for phone in (
            PhoneFactory(organization=organization),
            PhoneFactory(organization=organization, service=service, kind=Phone.Kind.HOTLINE),
            PhoneFactory(organization=organization, location=location),
            PhoneFactory(organization=organization, service=service, location=location),
        ):
            phone.languages.set([language("es"), language("ko")])


def _grow() -> None:
    for _ in range(4):
        _add_services(OrganizationFactory(), 3)


LISTS = [
    ("/api/hsds/organizations/", 2),
    ("/api/hsds/organizations/?full=true", 9),
    ("/api/hsds/organizations/?full=true&full_service=true", 19),
    ("/api/hsds/services/", 2),
    ("/api/hsds/services/?full=true", 12),
    ("/api/hsds/service_at_locations/", 2),
    ("/api/hsds/service_at_locations/?full=true", 11),
    ("/api/hsds/service_at_locations/?full=true&postcode=93721", 11),
    (f"/api/hsds/services/?full=true&taxonomy_term_id={FREE.uuid}", 12),
    ("/api/hsds/taxonomies/", 0),
    ("/api/hsds/taxonomy_terms/", 2),
]


@pytest.mark.parametrize(("url", "queries"), LISTS)
def test_list_queries_are_constant(client, directory, django_assert_num_queries, url, queries):
    url += ("&" if "?" in url else "?") + "per_page=100"
    # One of everything first: a relation with no rows at all skips its query.
    _add_services(OrganizationFactory(), 1)
    with django_assert_num_queries(queries):
        before = client.get(url).json()
    _grow()
    with django_assert_num_queries(queries):
        after = client.get(url).json()
    if "/taxonom" not in url:
        assert after["size"] > before["size"]


def test_organization_detail_queries_are_constant(client, directory, django_assert_num_queries):
    url = f"/api/hsds/organizations/{directory.harbor.uuid}/?full_service=true"
    with django_assert_num_queries(18):
        before = client.get(url).json()
    _add_services(directory.harbor, 6)
    with django_assert_num_queries(18):
        after = client.get(url).json()
    assert len(after["services"]) == len(before["services"]) + 6


def test_service_detail_queries_are_constant(client, directory, django_assert_num_queries):
    url = f"/api/hsds/services/{directory.sheltering.uuid}/"
    PhoneFactory(organization=directory.harbor, service=directory.sheltering)
    with django_assert_num_queries(11):
        client.get(url)
    for _ in range(5):
        LocationFactory(organization=directory.harbor).services.add(directory.sheltering)
    with django_assert_num_queries(11):
        data = client.get(url).json()
    assert len(data["service_at_locations"]) == 6


def test_service_at_location_detail_queries_are_constant(
    client, directory, django_assert_num_queries
):
    """The id is the link's own uuid: one indexed look-up, then what a full one shows."""
    sal_id = link_id(directory.legal, directory.drop_in)
    url = f"/api/hsds/service_at_locations/{sal_id}/"
    _grow()
    with django_assert_num_queries(10):
        client.get(url)
    _grow()
    with django_assert_num_queries(10):
        assert client.get(url).json()["id"] == str(sal_id)
