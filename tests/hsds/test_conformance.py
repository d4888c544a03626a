"""Every endpoint's output validates against the HSDS 3.0 reference schemas."""

import pytest
from django.urls import reverse

from organizations.hsds.taxonomy import FREE, POPULATIONS, SERVICE_TYPES
from tests.factories import link_id, service_type
from tests.hsds import schemas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _schemas_present():
    schemas.require_schemas()


def _sal(directory) -> str:
    return str(link_id(directory.legal, directory.drop_in))


def _confidential_sal(directory) -> str:
    return str(link_id(directory.sheltering, directory.shelter))


# (test id, URL from the directory, schema of a record, whether the answer is a page)
CASES = [
    ("root", lambda d: reverse("hsds:root"), "root", False),
    ("organizations", lambda d: "/api/hsds/organizations/", "organization_list", True),
    ("organizations-full", lambda d: "/api/hsds/organizations/?full=true", "organization", True),
    (
        "organizations-full-service",
        lambda d: "/api/hsds/organizations/?full=true&full_service=true",
        "organization",
        True,
    ),
    ("organization", lambda d: f"/api/hsds/organizations/{d.harbor.uuid}/", "organization", False),
    (
        "organization-full-service",
        lambda d: f"/api/hsds/organizations/{d.harbor.uuid}/?full_service=true",
        "organization",
        False,
    ),
    (
        "sample-organization",
        lambda d: f"/api/hsds/organizations/{d.sample.uuid}/?full_service=true",
        "organization",
        False,
    ),
    ("services", lambda d: "/api/hsds/services/", "service_list", True),
    ("services-full", lambda d: "/api/hsds/services/?full=true", "service", True),
    ("service-legal", lambda d: f"/api/hsds/services/{d.legal.uuid}/", "service", False),
    ("service-hotline", lambda d: f"/api/hsds/services/{d.hotline.uuid}/", "service", False),
    ("service-shelter", lambda d: f"/api/hsds/services/{d.sheltering.uuid}/", "service", False),
    (
        "service_at_locations",
        lambda d: "/api/hsds/service_at_locations/",
        "service_at_location_list",
        True,
    ),
    (
        "service_at_locations-full",
        lambda d: "/api/hsds/service_at_locations/?full=true",
        "service_at_location",
        True,
    ),
    (
        "service_at_location",
        lambda d: f"/api/hsds/service_at_locations/{_sal(d)}/",
        "service_at_location",
        False,
    ),
    (
        "service_at_location-confidential",
        lambda d: f"/api/hsds/service_at_locations/{_confidential_sal(d)}/",
        "service_at_location",
        False,
    ),
    ("taxonomies", lambda d: "/api/hsds/taxonomies/", "taxonomy", True),
    ("taxonomy", lambda d: f"/api/hsds/taxonomies/{SERVICE_TYPES.id}/", "taxonomy", False),
    ("taxonomy_terms", lambda d: "/api/hsds/taxonomy_terms/", "taxonomy_term", True),
    (
        "taxonomy_terms-filtered",
        lambda d: f"/api/hsds/taxonomy_terms/?taxonomy_id={POPULATIONS.id}",
        "taxonomy_term",
        True,
    ),
    (
        "taxonomy_term",
        lambda d: f"/api/hsds/taxonomy_terms/{service_type('legal-services').uuid}/",
        "taxonomy_term",
        False,
    ),
    (
        "taxonomy_term-flag",
        lambda d: f"/api/hsds/taxonomy_terms/{FREE.uuid}/",
        "taxonomy_term",
        False,
    ),
]


@pytest.mark.parametrize(
    ("make_url", "schema", "page"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_response_validates_against_hsds(client, directory, make_url, schema, page):
    response = client.get(make_url(directory))
    assert response.status_code == 200
    data = response.json()
    assert schemas.errors(schema, data, page=page) == []
    # A page of nothing would validate trivially.
    if page:
        assert data["contents"]


def test_every_record_of_the_directory_is_checked(client, directory):
    """The cases above cover each published service and its locations."""
    response = client.get("/api/hsds/service_at_locations/?full=true")
    ids = {item["id"] for item in response.json()["contents"]}
    assert ids == {_sal(directory), _confidential_sal(directory)}


@pytest.mark.parametrize(
    ("schema", "broken"),
    [
        ("service", {"id": "not-a-uuid", "name": "x", "status": "active"}),
        ("service", {"id": "3f7b145d-84af-42d7-8fae-eaca714b02b2", "name": "x", "status": "open"}),
        ("organization_list", {"id": "3f7b145d-84af-42d7-8fae-eaca714b02b2", "name": "x"}),
        (
            "organization",
            {
                "id": "3f7b145d-84af-42d7-8fae-eaca714b02b2",
                "name": "x",
                "description": "y",
                "email": "not an address",
            },
        ),
        (
            "service_list",
            {
                "id": "3f7b145d-84af-42d7-8fae-eaca714b02b2",
                "name": "x",
                "status": "active",
                "last_modified": "yesterday",
            },
        ),
        ("taxonomy_term", {"id": "3f7b145d-84af-42d7-8fae-eaca714b02b2", "name": "x"}),
    ],
)
def test_the_validators_reject_what_hsds_forbids(schema, broken):
    """The conformance checks can fail: ids, enums, required fields and formats count."""
    assert schemas.errors(schema, broken) != []


def test_a_page_must_carry_every_page_field():
    assert schemas.errors("taxonomy", {"contents": []}, page=True) != []


def test_nested_records_are_checked_too(client, directory):
    """The compiled schemas reach into nested records: a broken address is caught."""
    data = client.get(f"/api/hsds/organizations/{directory.harbor.uuid}/").json()
    drop_in = next(loc for loc in data["locations"] if loc["id"] == str(directory.drop_in.uuid))
    del drop_in["addresses"][0]["postal_code"]
    drop_in["schedules"][0]["freq"] = "DAILY"
    assert len(schemas.errors("organization", data)) == 2
