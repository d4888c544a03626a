"""The library's keyword search on PostgreSQL: misspellings, accents and stemming."""

import pytest

from resources.models import Resource
from tests.resources.factories import ResourceFactory, category

# Skipped on other databases by tests/conftest.py.
pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def library():
    Resource.objects.all().delete()
    research = category("research")
    ResourceFactory(title="Farmworker housing survey", category=research)
    ResourceFactory(
        title="Youth outreach report",
        title_es="Informe de alcance juvenil para la educación",
        category=research,
    )
    ResourceFactory(
        title="Hotel staff guide", summary="Recognizing trafficked workers.", category=research
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("farmworkr", "Farmworker housing survey"),  # misspelt
        ("educacion", "Youth outreach report"),  # without the accent
        ("recognize trafficking", "Hotel staff guide"),  # stemmed
    ],
)
def test_it_finds_what_was_meant(client, library, query, expected):
    response = client.get("/resources/research/", {"q": query})
    titles = [resource.title for resource in response.context["resources"]]
    assert titles[:1] == [expected]
