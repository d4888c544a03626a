"""HSDS ids are stable: the same in every export, and unchanged by edits."""

import uuid

import pytest

from organizations.hsds import taxonomy
from organizations.hsds.ids import NAMESPACE
from organizations.models import ServiceAtLocation
from tests.factories import link_id
from tests.hsds.api_urls import api_urls

pytestmark = pytest.mark.django_db


def _ids(data) -> set[str]:
    """Every `id` anywhere in a response."""
    if isinstance(data, list):
        return set().union(*(_ids(value) for value in data))
    if isinstance(data, dict):
        own = {data["id"]} if isinstance(data.get("id"), str) else set()
        return own.union(*(_ids(value) for value in data.values()))
    return set()


def _export(client) -> dict[str, bytes]:
    return {url: client.get(url).content for url in api_urls()}


def test_two_exports_are_identical(client, directory):
    assert _export(client) == _export(client)


def test_ids_survive_edits(client, directory):
    urls = [
        f"/api/hsds/organizations/{directory.harbor.uuid}/?full_service=true",
        "/api/hsds/service_at_locations/?full=true",
        "/api/hsds/taxonomy_terms/?per_page=100",
    ]
    before = set().union(*(_ids(client.get(url).json()) for url in urls))
    assert len(before) > 40

    directory.harbor.description = "New description."
    directory.harbor.save()
    directory.legal.name = "Immigration legal aid"
    directory.legal.save()
    directory.drop_in.address_1 = "1300 Alder St"
    directory.drop_in.city = "West Sacramento"
    directory.drop_in.save()
    directory.shelter.zip_code = "93722"
    directory.shelter.save()

    after = set().union(*(_ids(client.get(url).json()) for url in urls))
    assert after == before


def test_service_at_location_ids_are_the_links_own_uuids_and_survive_edits(client, directory):
    stored = {
        str(link.uuid): (str(link.service.uuid), str(link.location.uuid))
        for link in ServiceAtLocation.objects.select_related("service", "location")
    }
    links = client.get("/api/hsds/service_at_locations/").json()["contents"]
    assert links
    for link in links:
        assert stored[link["id"]] == (link["service_id"], link["location_id"])
    sal_id = link_id(directory.legal, directory.drop_in)
    directory.legal.name = "Legal aid, renamed"
    directory.legal.save()
    directory.drop_in.city = "Clovis"
    directory.drop_in.save()
    response = client.get(f"/api/hsds/service_at_locations/{sal_id}/")
    assert response.status_code == 200
    assert response.json()["service"]["name"] == "Legal aid, renamed"


def test_derived_ids_differ_per_record(client, directory):
    """Two services in the same county get different service-area ids."""
    data = client.get("/api/hsds/services/?full=true").json()["contents"]
    ids = [area["id"] for service in data for area in service["service_areas"]]
    assert len(ids) == len(set(ids)) > 1


def test_code_defined_ids_never_change():
    """Consumers keep these ids; changing the namespace would break them all."""
    assert uuid.UUID("44777deb-ccfd-46f3-a407-cfef2f7f4c5d") == NAMESPACE
    assert str(taxonomy.SERVICE_TYPES.id) == "6826302f-622a-5bb6-971f-8dfa0bc83c77"
    assert str(taxonomy.POPULATIONS.id) == "4b0770d4-5bbc-5de8-807b-382f99f13366"
    assert str(taxonomy.FLAGS.id) == "1a946cd7-ef70-5188-b9cc-7ce2f331ef5e"
    assert str(taxonomy.OPEN_24_7.uuid) == "f0da9f09-e7e8-5b72-8921-cf4f137c21bd"
    assert len({flag.uuid for flag in taxonomy.FLAG_TERMS}) == len(taxonomy.FLAG_TERMS)
