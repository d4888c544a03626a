"""The directory's search page also points to matching library resources."""

import pytest
from django.urls import reverse

from core.publishing import Status
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_directory_search_lists_matching_published_resources(client):
    ResourceFactory(title="Farmworker rights card")
    ResourceFactory(title="Farmworker draft", status=Status.DRAFT)
    body = client.get(reverse("organizations:search") + "?q=farmworker").content.decode()
    assert "In the resource library" in body
    assert "Farmworker rights card" in body
    assert "Farmworker draft" not in body


def test_directory_search_without_a_keyword_shows_no_library_section(client):
    ResourceFactory(title="Farmworker rights card")
    body = client.get(reverse("organizations:search")).content.decode()
    assert "In the resource library" not in body
