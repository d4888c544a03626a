"""County pages and county searches: organizations with an office there first."""

from typing import Any

import pytest
from django.urls import reverse

from core.models import County
from organizations.models import Location
from organizations.sample_data import SampleDirectory
from tests.factories import LocationFactory, OrganizationFactory, ServiceFactory, county
from tests.organizations.listed import listed, listed_names

pytestmark = pytest.mark.django_db


def all_results(client, url: str) -> tuple[list, Any]:
    """Every organization listed, page after page, with the last response."""
    organizations, page = [], 1
    while True:
        response = client.get(url, {"page": page})
        organizations += listed(response)
        if not response.context["page_obj"].has_next():
            return organizations, response
        page += 1


def test_los_angeles_lists_every_local_office_before_any_statewide_only_listing(
    client, reference_data
):
    SampleDirectory(count=300).build()
    los_angeles = County.objects.get(slug="los-angeles")
    local = set(
        Location.objects.public()
        .in_counties([los_angeles])
        .values_list("organization_id", flat=True)
    )
    listed, response = all_results(client, reverse("organizations:county", args=["los-angeles"]))
    flags = [organization.pk in local for organization in listed]
    assert True in flags, "the sample data has offices in Los Angeles"
    assert False in flags, "and listings that serve it from elsewhere"
    first_elsewhere = flags.index(False)
    assert all(flags[:first_elsewhere]), flags
    assert not any(flags[first_elsewhere:]), flags
    assert response.context["local_count"] == first_elsewhere


def test_each_result_says_why_it_is_listed_and_the_count_gives_both_numbers(client):
    fresno = county("fresno")
    office = OrganizationFactory(name="Zeta Valley Legal Aid")
    ServiceFactory(organization=office, counties_served=[fresno])
    LocationFactory(organization=office, county=fresno, city="Clovis")
    hotline = OrganizationFactory(name="Alpha Statewide Line")
    ServiceFactory(organization=hotline, is_statewide=True, is_remote=True)
    LocationFactory(organization=hotline, county=county("sacramento"), city="Sacramento")
    shelter = OrganizationFactory(name="Beta Shelter")
    ServiceFactory(organization=shelter, counties_served=[fresno])
    # A shelter's confidential site never counts as an office: the order must not reveal it.
    LocationFactory(organization=shelter, county=fresno, is_confidential=True)

    response = client.get(reverse("organizations:county", args=["fresno"]))

    names = listed_names(response)
    assert names == ["Zeta Valley Legal Aid", "Alpha Statewide Line", "Beta Shelter"]
    page = response.content.decode()
    assert "1 with an office in Fresno County, listed first." in page
    assert page.index("With an office in Fresno County") < page.index("Zeta Valley")
    assert page.index("Statewide and by phone or online") < page.index("Alpha Statewide")
    assert "Office in Clovis" in page
    assert "Serves all of California by phone or online" in page
    assert "Serves Fresno County from another county" in page


def test_a_search_without_a_county_keeps_one_list(client):
    ServiceFactory(organization=OrganizationFactory(name="Anywhere"), is_statewide=True)
    response = client.get(reverse("organizations:search"), {"q": ""})
    assert response.context["local_count"] is None
    assert "Statewide and by phone or online" not in response.content.decode()
