"""Intended to prevent an N+1: a results page costs the same whatever it shows."""

import pytest
from django.urls import reverse

from tests.factories import (
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ServiceFactory,
    county,
    county_url,
    language,
    service_type,
)

pytestmark = pytest.mark.django_db

# The page's rows with the count (a window, or the sizes of the segments a
# listing is read in). Each result card is kept with its organization under
# the services that matched, named by the search's own query (or a keyword's
# ids, read with its rows), so a page whose cards are kept loads no
# organization (organizations.cards). The form's choices, the county of a
# county page or a ZIP code and the check of the county and type given read
# the reference rows that the first page after a change caches
# (core.page_cache.rows_until_change).
SEARCH_QUERIES = 1
# A card not kept yet (the first page after a change) loads its organization,
# the services that matched, every phone of the organization and its
# locations with their county; and its services' links to their types,
# languages and counties: one UNION for the page.
CARD_LOADS = 4
CARD_TERMS = 1
# A keyword's search reads the matching services' ids with its rows (they are
# grouped by organization to be ranked), and the library's matching resources add
# one. The same on every database: whether a keyword matches as typed or only
# in close spellings is decided inside the search's own query
# (core.search.keyword_search). A county (chosen, or a ZIP code's) adds how
# many have an office there, for the count line; a county's own listing reads
# that number with its rows (organizations.models.segmented_results).
# Its rows with the services' ids, the local count and the library's resources.
FILTERED_SEARCH_QUERIES = 3
COUNTY_PAGE_QUERIES = SEARCH_QUERIES
# Every public page stays within this (the budget).
MOST_QUERIES = 10
# The first page after a change also reads the four reference tables.
REFERENCE_TABLES = 4


def warm(client, url: str) -> None:
    """The reference rows cached, as on every page but the first after a change."""
    assert client.get(url).status_code == 200


def add_organizations(number: int) -> None:
    fresno = county("fresno")
    for index in range(number):
        organization = OrganizationFactory(name=f"Legal Aid {index:03d}")
        service = ServiceFactory(
            organization=organization,
            name="Legal clinic",
            types=[service_type("legal-services"), service_type("case-management")],
            counties_served=[fresno],
            languages_spoken=[language("en"), language("es")],
        )
        PhoneFactory(organization=organization)
        PhoneFactory(organization=organization, service=service, kind="text")
        LocationFactory(organization=organization)
        LocationFactory(organization=organization, is_confidential=True)


@pytest.mark.parametrize("number", [1, 3, 25])
def test_search_page_query_count_is_constant(client, django_assert_num_queries, number):
    add_organizations(number)
    url = reverse("organizations:search")
    with django_assert_num_queries(SEARCH_QUERIES + CARD_LOADS + CARD_TERMS + REFERENCE_TABLES):
        client.get(url)
    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get(url)
    assert len(response.context["organizations"]) == min(number, 20)
    assert SEARCH_QUERIES <= MOST_QUERIES


@pytest.mark.parametrize("number", [1, 25])
def test_filtered_search_with_keyword_and_zip_is_constant(
    client, django_assert_num_queries, number
):
    add_organizations(number)
    url = (
        reverse("organizations:search")
        + "?q=legal&zip=93721&county=fresno&service_type=legal-services&free=0&page=2"
    )
    warm(client, url)
    # Page 2 of one result is past the end: a count of its own, then the last page's rows.
    past_the_end = 2 if number <= 20 else 0
    with django_assert_num_queries(FILTERED_SEARCH_QUERIES + past_the_end):
        response = client.get(url)
    assert response.context["paginator"].count == number
    assert FILTERED_SEARCH_QUERIES <= MOST_QUERIES


@pytest.mark.parametrize("number", [1, 25])
def test_county_page_query_count_is_constant(client, django_assert_num_queries, number):
    add_organizations(number)
    url = county_url("fresno")
    warm(client, url)
    # The search, with its local count; the county is one of the cached reference rows.
    with django_assert_num_queries(COUNTY_PAGE_QUERIES):
        client.get(url)


@pytest.mark.parametrize("services", [1, 6])
def test_organization_page_query_count_is_constant(client, django_assert_num_queries, services):
    organization = OrganizationFactory()
    for _ in range(services):
        service = ServiceFactory(organization=organization, types=[service_type("legal-services")])
        location = LocationFactory(organization=organization)
        location.services.add(service)
        PhoneFactory(organization=organization, location=location)
    url = organization.get_absolute_url()
    # The first visit after a change: organization; services, the links to their
    # types, populations, languages and counties (one UNION) and their locations;
    # locations with county, and their schedules; every phone of the organization,
    # and their languages; the library's resources offered; and the four
    # reference tables the terms come from.
    with django_assert_num_queries(9 + REFERENCE_TABLES):
        client.get(url)
    # Then the organization is kept with all of that until the next change
    # (OrganizationDetailView.get_object); the library's resources offered remain.
    with django_assert_num_queries(1):
        client.get(url)
