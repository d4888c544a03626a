"""A results page loads the matching services of its cards by id: the search
runs once, in the query that orders the results."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import OrganizationFactory, ServiceFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_the_keyword_search_runs_once_and_cards_show_only_matching_services(client):
    organization = OrganizationFactory(name="Harborlight Commons")
    ServiceFactory(organization=organization, name="Emergency shelter")
    ServiceFactory(organization=organization, name="Job training")
    for _ in range(3):
        ServiceFactory(name="Emergency shelter")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/?q=shelter")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Harborlight Commons" in body
    assert "Emergency shelter" in body
    # The other service of the same organization did not match: not on its card.
    assert "Job training" not in body
    # The library's own search (resources_resource) has a stored document too.
    searching = [
        q["sql"]
        for q in queries
        if "@@" in q["sql"] and "resources_resource" not in q["sql"].split(" FROM ")[1]
    ]
    assert len(searching) == 1
    assert "ARRAY_AGG" in searching[0]
