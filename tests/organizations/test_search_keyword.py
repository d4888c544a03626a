"""Keyword search on any database; see test_search_postgres.py for the rest."""

import pytest
from django.urls import reverse

from core.search import MAX_QUERY_LENGTH, clean_query, keyword_search, strip_accents
from organizations.models import Organization
from tests.factories import OrganizationFactory, ServiceFactory, county, service_type
from tests.organizations.listed import listed_names

pytestmark = pytest.mark.django_db


def search(client, query: str) -> list[str]:
    response = client.get(reverse("organizations:search"), {"q": query})
    assert response.status_code == 200
    return listed_names(response)


@pytest.fixture
def directory():
    fresno = county("fresno")
    ServiceFactory(
        organization=OrganizationFactory(
            name="Harbor House", description="Emergency housing for survivors."
        ),
        name="Emergency shelter beds",
        types=[service_type("emergency-shelter")],
        counties_served=[fresno],
    )
    ServiceFactory(
        organization=OrganizationFactory(
            name="Valley Immigration Legal Center", description="Lawyers for immigrants."
        ),
        name="T and U visa applications",
        types=[service_type("immigration-legal-services-t-u-visas")],
        counties_served=[fresno],
    )
    ServiceFactory(
        organization=OrganizationFactory(
            name="Clínica Esperanza", description="Atención médica gratuita."
        ),
        name="Medical clinic",
        types=[service_type("medical-care")],
        counties_served=[fresno],
    )
    ServiceFactory(
        organization=OrganizationFactory(
            name="Counseling Collective",
            description="Counseling, and referrals to a legal clinic when needed.",
        ),
        name="Trauma counseling",
        types=[service_type("mental-health")],
        counties_served=[fresno],
    )


def test_it_finds_organizations_by_name_service_and_type(client, directory):
    assert search(client, "Harbor") == ["Harbor House"]
    assert search(client, "visa") == ["Valley Immigration Legal Center"]
    assert "Harbor House" in search(client, "emergency shelter")


def test_a_name_match_ranks_above_a_description_match(client, directory):
    results = search(client, "legal")
    assert results[0] == "Valley Immigration Legal Center"
    assert "Counseling Collective" in results[1:]


def test_a_blank_or_spaces_only_query_matches_everything(client, directory):
    assert len(search(client, "   ")) == 4


def test_clean_query_trims_controls_and_length():
    assert clean_query("  legal\x00  help\n ") == "legal help"
    assert len(clean_query("x" * 5000)) == MAX_QUERY_LENGTH
    assert strip_accents("inmigración señal") == "inmigracion senal"


def test_keyword_search_on_a_small_table_without_stored_documents(directory):
    found = keyword_search(
        Organization.objects.all(), "Harbor", fields={"name": "A", "description": "C"}
    )
    assert [o.name for o in found] == ["Harbor House"]
    assert found[0].relevance > 0
