"""Only published records leave through the API; confidential locations keep
their address; sample records say what they are."""

import json

import pytest

from core.publishing import Status
from organizations.hsds.taxonomy import CONFIDENTIAL, SAMPLE
from tests.factories import link_id
from tests.hsds.api_urls import api_urls
from tests.hsds.conftest import (
    SHELTER_LATITUDE,
    SHELTER_LONGITUDE,
    SHELTER_STREET,
    SHELTER_UNIT,
    SHELTER_ZIP,
)

pytestmark = pytest.mark.django_db


def _names(client, url) -> set[str]:
    return {item["name"] for item in client.get(url).json()["contents"]}


def _walk(data):
    """Every dict inside a response."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _walk(value)
    elif isinstance(data, list):
        for value in data:
            yield from _walk(value)


def test_lists_show_published_organizations_only(client, directory):
    names = _names(client, "/api/hsds/organizations/")
    assert names == {"Harbor Light Advocates", "Poppy Sample Center"}


def test_lists_show_published_services_of_published_organizations_only(client, directory):
    names = _names(client, "/api/hsds/services/")
    assert names == {"Legal aid", "Crisis line", "Emergency shelter", "Case management"}


def test_service_at_locations_link_published_services_only(client, directory):
    links = client.get("/api/hsds/service_at_locations/").json()["contents"]
    assert {(link["service"]["name"], link["location"]["name"]) for link in links} == {
        ("Legal aid", "Drop-in center"),
        ("Emergency shelter", "Shelter"),
    }


def test_nested_services_are_published_ones_only(client, directory):
    url = f"/api/hsds/organizations/{directory.harbor.uuid}/?full_service=true"
    services = client.get(url).json()["services"]
    assert {service["name"] for service in services} == {
        "Legal aid",
        "Crisis line",
        "Emergency shelter",
    }


def test_unpublished_records_are_not_found_by_id(client, directory):
    draft_org, draft_org_service, draft_org_location = directory.hidden[:3]
    urls = [
        f"/api/hsds/organizations/{draft_org.uuid}/",
        f"/api/hsds/services/{draft_org_service.uuid}/",
        f"/api/hsds/services/{directory.draft_service.uuid}/",
        f"/api/hsds/service_at_locations/{link_id(draft_org_service, draft_org_location)}/",
        f"/api/hsds/service_at_locations/{link_id(directory.draft_service, directory.drop_in)}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["status"] == 404


def test_unpublishing_takes_a_record_out_at_once(client, directory):
    url = f"/api/hsds/services/{directory.legal.uuid}/"
    assert client.get(url).status_code == 200
    directory.harbor.status = Status.ARCHIVED
    directory.harbor.save(update_fields=["status"])
    assert client.get(url).status_code == 404
    assert _names(client, "/api/hsds/organizations/") == {"Poppy Sample Center"}


def test_no_response_shows_a_confidential_address(client, directory):
    urls = api_urls()
    assert len(urls) > 20
    secrets = [
        SHELTER_STREET,
        SHELTER_UNIT,
        SHELTER_ZIP,
        SHELTER_LATITUDE.rstrip("0"),
        SHELTER_LONGITUDE.rstrip("0"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for secret in secrets:
            assert secret not in body, (url, secret)
    # The same test sees the public location's address, so it would see the shelter's.
    organization = client.get(f"/api/hsds/organizations/{directory.harbor.uuid}/")
    assert "1200 Alder St" in organization.content.decode()
    assert "38.5804" in organization.content.decode()


def test_a_confidential_location_has_only_city_county_and_a_flag(client, directory):
    data = client.get(f"/api/hsds/organizations/{directory.harbor.uuid}/").json()
    shelter = next(loc for loc in data["locations"] if loc["id"] == str(directory.shelter.uuid))
    assert shelter["addresses"] == []
    assert "latitude" not in shelter
    assert "longitude" not in shelter
    assert shelter["description"] == (
        "Confidential location in Fresno, Fresno County. Call for the address."
    )
    assert [a["taxonomy_term_id"] for a in shelter["attributes"]] == [str(CONFIDENTIAL.uuid)]
    # Its phone and hours are what people need to reach it, and are shown.
    assert [phone["number"] for phone in shelter["phones"]] == ["559-555-0103"]
    assert len(shelter["schedules"]) == 1


def test_the_list_summary_of_a_confidential_location_has_no_coordinates(client, directory):
    links = client.get("/api/hsds/service_at_locations/").json()["contents"]
    by_location = {link["location_id"]: link["location"] for link in links}
    shelter = by_location[str(directory.shelter.uuid)]
    drop_in = by_location[str(directory.drop_in.uuid)]
    assert "latitude" not in shelter
    assert (drop_in["latitude"], drop_in["longitude"]) == (38.5804, -121.4922)


def test_every_location_object_without_an_address_is_a_confidential_one(client, directory):
    """Nowhere (nested or not) does a confidential location carry a postal code or position."""
    for url in api_urls():
        for record in _walk(client.get(url).json()):
            if record.get("id") == str(directory.shelter.uuid):
                assert not {"addresses", "latitude", "longitude"} & {
                    key for key, value in record.items() if value
                }, url


def test_sample_records_say_so(client, directory):
    organization = client.get(f"/api/hsds/organizations/{directory.sample.uuid}/").json()
    assert organization["description"].startswith("SAMPLE LISTING: not a real organization.")
    assert [a["taxonomy_term"]["code"] for a in organization["attributes"]] == ["sample-listing"]
    service = client.get(f"/api/hsds/services/{directory.sample_service.uuid}/").json()
    assert service["description"] == "SAMPLE LISTING: not a real organization."
    assert str(SAMPLE.uuid) in {a["taxonomy_term_id"] for a in service["attributes"]}
    assert service["organization"]["description"].startswith("SAMPLE LISTING")


def test_real_records_carry_no_sample_mark(client, directory):
    body = client.get(f"/api/hsds/organizations/{directory.harbor.uuid}/?full_service=true")
    assert "SAMPLE" not in body.content.decode()
    assert str(SAMPLE.uuid) not in json.dumps(body.json())
