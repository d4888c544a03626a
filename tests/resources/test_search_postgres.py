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


def test_the_stored_search_text_follows_the_resource_and_its_category(library):
    guide = Resource.objects.get(title="Hotel staff guide")
    assert Resource.objects.matching_keyword("hotel").first() == guide
    guide.summary = "Signs of forced labour in kitchens."
    guide.save()
    assert list(Resource.objects.matching_keyword("kitchens")) == [guide]
    research = category("research")
    research.name = "Field studies"
    research.save()
    assert guide in Resource.objects.matching_keyword("field studies")


def test_the_starter_library_is_searchable_as_loaded(db):
    from django.core.management import call_command

    from organizations.management.commands.load_sample_data import SAMPLE_FIXTURES

    call_command("loaddata", *SAMPLE_FIXTURES, verbosity=0)
    assert Resource.objects.filter(search_document__isnull=True).count() == 0
