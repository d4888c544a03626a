"""Service-at-location ids are found through a cached index of their hashes."""

import uuid

import pytest

from cas_directory import page_cache
from cas_directory.publishing import Status
from organizations.hsds.ids import service_at_location_id
from tests.factories import LocationFactory

pytestmark = pytest.mark.django_db

UNKNOWN = "/api/hsds/service_at_locations/3f7b145d-84af-42d7-8fae-eaca714b02b2/"


def _url(service, location) -> str:
    return f"/api/hsds/service_at_locations/{service_at_location_id(service.uuid, location.uuid)}/"


def test_an_unknown_id_costs_one_small_query_once_the_index_is_built(
    client, directory, django_assert_num_queries
):
    assert client.get(_url(directory.legal, directory.drop_in)).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(UNKNOWN).status_code == 404


def test_a_new_link_is_found_at_once(client, directory):
    assert client.get(UNKNOWN).status_code == 404  # builds the index
    office = LocationFactory(organization=directory.harbor)
    office.services.add(directory.hotline)
    response = client.get(_url(directory.hotline, office))
    assert response.status_code == 200
    assert response.json()["location_id"] == str(office.uuid)


def test_a_removed_link_is_gone_at_once(client, directory):
    url = _url(directory.legal, directory.drop_in)
    assert client.get(url).status_code == 200
    directory.drop_in.services.remove(directory.legal)
    assert client.get(url).status_code == 404


def test_an_indexed_link_whose_service_is_unpublished_is_not_found(client, directory):
    url = _url(directory.sheltering, directory.shelter)
    assert client.get(url).status_code == 200
    directory.sheltering.status = Status.ARCHIVED
    directory.sheltering.save(update_fields=["status"])
    assert client.get(url).status_code == 404


def test_a_reused_row_key_does_not_answer_for_the_old_pair(client, directory):
    """If a new link takes a deleted link's key, the old id must not show the new pair."""
    old_url = _url(directory.legal, directory.drop_in)
    link = directory.drop_in.services.through.objects.get(
        service=directory.legal, location=directory.drop_in
    )
    assert client.get(old_url).status_code == 200
    link.delete()
    directory.drop_in.services.through.objects.create(
        pk=link.pk, service=directory.hotline, location=directory.drop_in
    )
    # Rows of an auto-created through table send no signals; the admin and
    # imports change links through the relation, which does.
    page_cache.bump_version()
    assert client.get(old_url).status_code == 404
    assert client.get(_url(directory.hotline, directory.drop_in)).status_code == 200


def test_ids_of_other_records_are_not_service_at_locations(client, directory):
    for key in (directory.legal.uuid, directory.drop_in.uuid, uuid.uuid4()):
        assert client.get(f"/api/hsds/service_at_locations/{key}/").status_code == 404
