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
