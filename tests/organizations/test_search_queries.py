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

# count, the page's rows, its organizations; services with their types,
# languages, counties and phones; organization phones; locations with county;
# the form's choices of counties, service types, populations and languages.
SEARCH_QUERIES = 14
# ... plus the county of the ZIP code and checking the county and type given;
# the library's matching resources add one more. The same on every database:
# whether a keyword matches as typed or only in close spellings is decided
# inside the search's own query (core.search.keyword_search).
# A county (chosen, a ZIP code's, or the county page's) adds how many have an
# office there, for the count line.
FILTERED_SEARCH_QUERIES = SEARCH_QUERIES + 3 + 1 + 1
COUNTY_PAGE_QUERIES = SEARCH_QUERIES + 1


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
    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get(reverse("organizations:search"))
    assert len(response.context["organizations"]) == min(number, 20)


@pytest.mark.parametrize("number", [1, 25])
def test_filtered_search_with_keyword_and_zip_is_constant(
    client, django_assert_num_queries, number
):
    add_organizations(number)
    url = (
        reverse("organizations:search")
        + "?q=legal&zip=93721&county=fresno&service_type=legal-services&free=0&page=2"
    )
    with django_assert_num_queries(FILTERED_SEARCH_QUERIES):
        response = client.get(url)
    assert response.context["paginator"].count == number


@pytest.mark.parametrize("number", [1, 25])
def test_county_page_query_count_is_constant(client, django_assert_num_queries, number):
    add_organizations(number)
    url = county_url("fresno")
    # The county itself, then the search less the county choices, then the local count.
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
    # organization; services with types, populations, languages, counties,
    # phones and locations; locations with schedules and phones (and their
    # languages); organization phones.
    with django_assert_num_queries(14):
        client.get(organization.get_absolute_url())
