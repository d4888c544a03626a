"""The home page's coverage counts are computed once per change to the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organizations.views import coverage_until_change
from tests.factories import ServiceFactory, county

pytestmark = pytest.mark.django_db


def grouped_service_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("organizations:home")).status_code == 200
    return sum('FROM "organizations_service' in q["sql"] for q in queries)


def test_a_repeat_home_page_groups_no_services_until_a_listing_changes(client):
    fresno = county("fresno")
    ServiceFactory(counties_served=[fresno])
    assert grouped_service_queries(client) >= 3
    assert grouped_service_queries(client) == 0
    before = next(c for c in coverage_until_change().counties if c.county == fresno).local_total
    ServiceFactory(counties_served=[fresno])
    assert grouped_service_queries(client) >= 3
    after = next(c for c in coverage_until_change().counties if c.county == fresno).local_total
    assert after == before + 1


def home(client, path: str = "/") -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_home_page_form_and_counties_are_rendered_once_a_change(client):
    first, first_queries = home(client)
    again, again_queries = home(client)
    assert first_queries > 0
    assert again_queries == 0
    assert again == first


def test_a_new_listing_shows_in_the_cached_county_map(client):
    fresno = county("fresno")
    ServiceFactory(counties_served=[fresno])
    assert "Fresno County: 1 local service<" not in home(client)[0]  # no "<": label ends in '"'
    assert 'aria-label="Fresno County: 1 local service"' in home(client)[0]
    ServiceFactory(counties_served=[fresno])
    assert 'aria-label="Fresno County: 2 local services"' in home(client)[0]


def test_a_renamed_county_shows_in_the_cached_county_list(client):
    fresno = county("fresno")
    assert '<a href="/counties/fresno/">Fresno</a>' in home(client)[0]
    fresno.name = "Fresno (renamed)"
    fresno.save()
    assert '<a href="/counties/fresno/">Fresno (renamed)</a>' in home(client)[0]


def test_each_language_has_its_own_cached_form_and_counties(client):
    english, _ = home(client)
    # The rows behind both are cached already (they hold both languages' names):
    # only the markup differs.
    spanish, _ = home(client, "/es/")
    assert '<a href="/es/counties/fresno/">' in spanish
    assert '<a href="/counties/fresno/">' not in spanish
    assert "Condado de Fresno:" in spanish
    assert home(client)[0] == english
