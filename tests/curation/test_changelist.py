"""The organization list: verification-age and taxonomy filters, search, columns."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.publishing import Status
from organizations.verification import months_before
from tests.factories import (
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ServiceFactory,
    county,
    population,
    service_type,
)

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:organizations_organization_changelist")


def listed(client, **params) -> set[str]:
    response = client.get(CHANGELIST, params)
    assert response.status_code == 200
    return {organization.name for organization in response.context["cl"].result_list}


@pytest.fixture
def by_age():
    today = timezone.localdate()
    return {
        "fresh": OrganizationFactory(name="fresh", last_verified_on=today - timedelta(days=30)),
        "seven": OrganizationFactory(name="seven", last_verified_on=today - timedelta(days=215)),
        "old": OrganizationFactory(name="old", last_verified_on=today - timedelta(days=400)),
        "never": OrganizationFactory(name="never", last_verified_on=None),
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("recent", {"fresh"}),
        ("over-6-months", {"seven", "old"}),
        ("over-12-months", {"old"}),
        ("never", {"never"}),
        ("due", {"seven", "old", "never"}),
    ],
)
def test_verification_age_filter(admin_client, by_age, value, expected):
    assert listed(admin_client, verified=value) == expected


def test_verification_boundary_is_the_calendar_month(admin_client):
    today = timezone.localdate()
    OrganizationFactory(name="exactly twelve months", last_verified_on=months_before(today, 12))
    OrganizationFactory(
        name="a day more", last_verified_on=months_before(today, 12) - timedelta(days=1)
    )
    assert listed(admin_client, verified="over-12-months") == {"a day more"}


def test_status_county_type_and_population_filters(admin_client):
    fresno, kern = county("fresno"), county("kern")
    legal = ServiceFactory(
        organization=OrganizationFactory(name="Fresno legal"),
        counties_served=[fresno],
        types=[service_type("case-management")],
        populations_served=[population("minors")],
    ).organization
    # Two matching services must not list the organization twice.
    ServiceFactory(organization=legal, counties_served=[fresno])
    located = LocationFactory(
        organization=OrganizationFactory(name="Kern office", status=Status.DRAFT), county=kern
    ).organization
    ServiceFactory(organization=OrganizationFactory(name="Everywhere"), is_statewide=True)

    assert listed(admin_client, county="fresno") == {"Fresno legal"}
    assert listed(admin_client, county="kern") == {located.name}
    assert listed(admin_client, county="statewide") == {"Everywhere"}
    assert listed(admin_client, service_type="case-management") == {"Fresno legal"}
    assert listed(admin_client, population="minors") == {"Fresno legal"}
    assert listed(admin_client, status__exact="draft") == {"Kern office"}
    assert listed(admin_client, county="atlantis") == set()


def test_search_by_name_city_and_phone_in_any_format(admin_client):
    named = OrganizationFactory(name="Harbor Light Collective")
    in_city = LocationFactory(city="Eureka").organization
    phoned = OrganizationFactory(name="Phone match")
    PhoneFactory(organization=phoned, number="(916) 555-0177")
    OrganizationFactory(name="Bystander")

    assert listed(admin_client, q="harbor light") == {named.name}
    assert listed(admin_client, q="eureka") == {in_city.name}
    for query in ("916-555-0177", "9165550177", "555 0177", "+1 916 555 0177"):
        assert listed(admin_client, q=query) == {"Phone match"}, query


def test_columns_show_counties_verification_and_sample_flag(admin_client):
    organization = OrganizationFactory(name="Columns", last_verified_on=None, is_sample=True)
    for slug in ("fresno", "kern", "kings", "madera"):
        ServiceFactory(organization=organization, counties_served=[county(slug)])
    ServiceFactory(organization=OrganizationFactory(name="Statewide one"), is_statewide=True)
    body = admin_client.get(CHANGELIST).content.decode()
    assert "Fresno, Kern, Kings and 1 more" in body
    assert "Statewide" in body
    assert '<span class="verification-due">Never</span>' in body
    assert 'class="field-is_sample"' in body


def test_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_num_queries):
    """Intended to prevent an N+1 in the counties column."""
    for _ in range(30):
        ServiceFactory(counties_served=[county("fresno"), county("kern")])
    # Session, user, the county/type/population filter choices, two counts (all
    # and filtered), the page, then its services and their counties.
    with django_assert_num_queries(10):
        admin_client.get(CHANGELIST)


def test_view_on_site_only_for_published_listings(admin_client):
    published = OrganizationFactory(status=Status.PUBLISHED)
    draft = OrganizationFactory(status=Status.DRAFT)
    change = "admin:organizations_organization_change"
    assert (
        published.get_absolute_url()
        in admin_client.get(reverse(change, args=[published.pk])).content.decode()
    )
    assert "View on site" not in admin_client.get(reverse(change, args=[draft.pk])).content.decode()
