"""Keyword search on PostgreSQL: misspellings (trigram), accents (unaccent), stemming."""

from io import StringIO

import pytest
from django.core.management import call_command

from organizations.models import Organization, Service
from tests.factories import service_type
from tests.organizations.test_search_keyword import directory, search  # noqa: F401

# Skipped on SQLite by tests/conftest.py.
pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("shelterr", "Harbor House"),
        ("inmigration", "Valley Immigration Legal Center"),
        ("counseling colective", "Counseling Collective"),
    ],
)
@pytest.mark.usefixtures("directory")
def test_misspelt_queries_still_find_the_organization(client, query, expected):
    assert search(client, query)[:1] == [expected]


@pytest.mark.usefixtures("directory")
def test_accents_do_not_matter(client):
    assert search(client, "clinica esperanza")[:1] == ["Clínica Esperanza"]
    assert search(client, "atencion medica") == ["Clínica Esperanza"]
    assert search(client, "inmigración")[:1] == ["Valley Immigration Legal Center"]


@pytest.mark.usefixtures("directory")
def test_spanish_type_names_are_searchable(client):
    # The emergency-shelter type is "Refugio de emergencia" in Spanish.
    assert "Harbor House" in search(client, "refugio")


@pytest.mark.usefixtures("directory")
def test_stemming_finds_other_forms_of_a_word(client):
    assert "Harbor House" in search(client, "shelters")


@pytest.mark.usefixtures("directory")
def test_stored_search_text_follows_edits(client):
    organization = Organization.objects.get(name="Harbor House")
    organization.name = "Lighthouse Haven"
    organization.save()
    assert search(client, "Lighthouse") == ["Lighthouse Haven"]
    assert search(client, "Harbor") == []
    service = Service.objects.get(organization=organization)
    service.service_types.set([service_type("transportation")])
    assert "Lighthouse Haven" not in search(client, "refugio")
    assert "Lighthouse Haven" in search(client, "transportation")


@pytest.mark.usefixtures("directory")
def test_the_refresh_command_rebuilds_stored_search_text(client):
    Service.objects.update(search_document=None, search_names="")
    assert search(client, "Harbor") == []
    out = StringIO()
    call_command("refresh_search_index", stdout=out)
    assert "Refreshed the search text of 4 services." in out.getvalue()
    assert search(client, "Harbor") == ["Harbor House"]
