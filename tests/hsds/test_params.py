"""Paging, filters, and what the API answers to bad requests: JSON, never a 500."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from organizations.hsds.taxonomy import CONFIDENTIAL, FLAGS, FREE, OPEN_24_7, POPULATIONS, SAMPLE
from organizations.models import Location, Organization, Service
from tests.factories import OrganizationFactory, population, service_type

pytestmark = pytest.mark.django_db


def _names(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item.get("name") or item["service"]["name"] for item in response.json()["contents"]]


def test_pages_walk_through_the_list_in_order(client, db):
    for name in "EDCBA":
        OrganizationFactory(name=f"Org {name}")
    first = client.get("/api/hsds/organizations/?per_page=2").json()
    assert {k: v for k, v in first.items() if k != "contents"} == {
        "total_items": 5,
        "total_pages": 3,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    pages = [_names(client, f"/api/hsds/organizations/?per_page=2&page={n}") for n in (1, 2, 3)]
    assert pages == [["Org A", "Org B"], ["Org C", "Org D"], ["Org E"]]
    last = client.get("/api/hsds/organizations/?per_page=2&page=3").json()
    assert (last["size"], last["first_page"], last["last_page"]) == (1, False, True)


def test_a_page_past_the_end_is_empty_not_an_error(client, directory):
    response = client.get("/api/hsds/services/?page=99999")
    assert response.status_code == 200
    data = response.json()
    assert (data["contents"], data["size"], data["empty"], data["last_page"]) == ([], 0, True, True)
    assert data["total_items"] == 4


def test_an_empty_directory_gives_an_empty_page(client, db):
    data = client.get("/api/hsds/organizations/").json()
    assert data["total_items"] == data["total_pages"] == data["size"] == 0
    assert (data["empty"], data["first_page"], data["last_page"]) == (True, True, True)


def test_per_page_defaults_to_50_and_goes_up_to_100(client, db):
    Organization.objects.bulk_create(
        Organization(name=f"Org {i:03}", slug=f"org-{i}", description="x", status="published")
        for i in range(120)
    )
    assert client.get("/api/hsds/organizations/").json()["size"] == 50
    assert client.get("/api/hsds/organizations/?per_page=100").json()["size"] == 100
    assert client.get("/api/hsds/organizations/?per_page=101").status_code == 400


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("search=legal", {"Legal aid"}),
        ("search=LEGAL+aid", {"Legal aid"}),
        ("search=harbor", {"Legal aid", "Crisis line", "Emergency shelter"}),
        ("search=nothing-like-this", set()),
        ("taxonomy_term_id={legal}", {"Legal aid"}),
        ("taxonomy_term_id={minors}", {"Emergency shelter"}),
        ("taxonomy_term_id={free}", {"Legal aid"}),
        ("taxonomy_term_id={always_open}", {"Crisis line"}),
        ("taxonomy_term_id={sample}", {"Case management"}),
        ("taxonomy_term_id={confidential}", {"Emergency shelter"}),
        ("taxonomy_term_id=3f7b145d-84af-42d7-8fae-eaca714b02b2", set()),
        ("taxonomy_id={populations}", {"Legal aid", "Emergency shelter"}),
        (
            "taxonomy_id={flags}",
            {"Legal aid", "Crisis line", "Case management", "Emergency shelter"},
        ),
        ("taxonomy_id=3f7b145d-84af-42d7-8fae-eaca714b02b2", set()),
        ("organization_id={sample_org}", {"Case management"}),
    ],
)
def test_service_filters(client, directory, query, expected):
    query = query.format(
        legal=service_type("legal-services").uuid,
        minors=population("minors").uuid,
        free=FREE.uuid,
        always_open=OPEN_24_7.uuid,
        sample=SAMPLE.uuid,
        confidential=CONFIDENTIAL.uuid,
        populations=POPULATIONS.id,
        flags=FLAGS.id,
        sample_org=directory.sample.uuid,
    )
    assert set(_names(client, f"/api/hsds/services/?{query}")) == expected


def test_organization_search(client, directory):
    assert _names(client, "/api/hsds/organizations/?search=poppy") == ["Poppy Sample Center"]
    assert _names(client, "/api/hsds/organizations/?search=shelter+survivors") == [
        "Harbor Light Advocates"
    ]


def test_modified_after(client, directory):
    long_ago = datetime(2024, 1, 1, tzinfo=UTC)
    Service.objects.update(updated_at=long_ago)
    Location.objects.update(updated_at=long_ago)
    directory.legal.save()  # now
    assert _names(client, "/api/hsds/services/?modified_after=2025-01-01") == ["Legal aid"]
    old = _names(client, "/api/hsds/services/?modified_after=2023-12-31T23:00:00Z")
    assert len(old) == 4
    links = _names(client, "/api/hsds/service_at_locations/?modified_after=2025-01-01")
    assert links == ["Legal aid"]
    # A location edit counts for the services offered there.
    directory.shelter.save()
    links = _names(client, "/api/hsds/service_at_locations/?modified_after=2025-01-01")
    assert sorted(links) == ["Emergency shelter", "Legal aid"]


@pytest.mark.parametrize(
    ("postcode", "expected"),
    [("95814", ["Legal aid"]), ("93721", ["Emergency shelter"]), ("10001", [])],
)
def test_postcode_finds_services_covering_its_county(client, directory, postcode, expected):
    assert _names(client, f"/api/hsds/service_at_locations/?postcode={postcode}") == expected


def test_service_at_location_filters_by_the_location_s_own_confidentiality(client, directory):
    directory.drop_in.services.add(directory.sheltering)
    url = f"/api/hsds/service_at_locations/?taxonomy_term_id={CONFIDENTIAL.uuid}"
    links = client.get(url).json()["contents"]
    assert [link["location_id"] for link in links] == [str(directory.shelter.uuid)]


def test_taxonomy_term_filters(client, db):
    all_terms = client.get("/api/hsds/taxonomy_terms/?per_page=100").json()
    assert all_terms["total_items"] == 19 + 13 + 7
    flags = client.get(f"/api/hsds/taxonomy_terms/?taxonomy_id={FLAGS.id}").json()["contents"]
    assert [term["code"] for term in flags][:2] == ["sample-listing", "free-of-charge"]
    assert {term["taxonomy_id"] for term in flags} == {str(FLAGS.id)}
    found = client.get("/api/hsds/taxonomy_terms/?search=shelter").json()["contents"]
    assert "emergency-shelter" in {term["code"] for term in found}
    top = client.get("/api/hsds/taxonomy_terms/?top_only=true&per_page=100").json()
    assert top["total_items"] == all_terms["total_items"]
    children = client.get(f"/api/hsds/taxonomy_terms/?parent_id={FLAGS.id}").json()
    assert children["total_items"] == 0
    assert _names(client, "/api/hsds/taxonomies/?search=population") == [
        "CAS Directory populations"
    ]


def test_unknown_parameters_are_ignored(client, directory):
    response = client.get("/api/hsds/services/?utm_source=newsletter&_=1700000000")
    assert response.status_code == 200
    assert response.json()["total_items"] == 4


@pytest.mark.parametrize(
    ("url", "complaint"),
    [
        ("/api/hsds/services/?page=0", "page must be a whole number from 1 to 1000000"),
        ("/api/hsds/services/?page=-1", "page must be"),
        ("/api/hsds/services/?page=abc", "page must be"),
        ("/api/hsds/services/?page=1.5", "page must be"),
        ("/api/hsds/services/?page=%D9%A1", "page must be"),  # an Arabic-Indic digit one
        ("/api/hsds/services/?page=99999999999999999999", "page must be"),
        ("/api/hsds/services/?per_page=0", "per_page must be a whole number from 1 to 100"),
        ("/api/hsds/services/?page=1&page=2", "page must be given only once"),
        ("/api/hsds/services/?full=maybe", "full must be true or false"),
        ("/api/hsds/services/?taxonomy_term_id=legal", "taxonomy_term_id must be a UUID"),
        ("/api/hsds/services/?organization_id=1;DROP", "organization_id must be a UUID"),
        ("/api/hsds/services/?modified_after=yesterday", "modified_after must be an ISO 8601"),
        ("/api/hsds/services/?modified_after=2025-13-01", "modified_after must be an ISO 8601"),
        ("/api/hsds/services/?modified_after=9999-12-31T23:00-12:00", "out of range"),
        ("/api/hsds/services/?search=%00", "search must not contain NUL"),
        ("/api/hsds/services/?search=" + "x" * 201, "search must be at most 200 characters"),
        ("/api/hsds/services/?minimal=maybe", "minimal must be true or false"),
        ("/api/hsds/services/?format=xml", "format must be json or ndjson"),
        ("/api/hsds/service_at_locations/?postcode=abc", "postcode must be a five-digit ZIP"),
        ("/api/hsds/service_at_locations/?proximity=1000", "needs a postcode"),
        ("/api/hsds/service_at_locations/?proximity=nan&postcode=95814", "distance in meters"),
        ("/api/hsds/service_at_locations/?proximity=91,0,10", "latitude,longitude,meters"),
        ("/api/hsds/service_at_locations/?proximity=1,2", "latitude,longitude,meters"),
        ("/api/hsds/organizations/?taxonomy_term_id=x", "not a parameter of this endpoint"),
        ("/api/hsds/services/?full_service=true", "not a parameter of this endpoint"),
        ("/api/hsds/taxonomy_terms/?parent_id=x", "parent_id must be a UUID"),
        ("/api/hsds/organizations/{org}/?full_service=yes", "full_service must be true or false"),
        ("/api/hsds/services/{service}/?page=2", "not a parameter of this endpoint"),
    ],
)
def test_bad_parameters_are_a_400_that_says_why(client, directory, url, complaint):
    url = url.format(org=directory.harbor.uuid, service=directory.legal.uuid)
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["status"] == 400
    assert complaint in response.json()["message"]


def test_a_10_kb_parameter_is_refused_cleanly(client, directory):
    for name in ("search", "page", "taxonomy_term_id", "modified_after", "postcode"):
        url = f"/api/hsds/service_at_locations/?{name}={'9' * 10_000}"
        assert client.get(url).status_code == 400, name


def test_harmless_variants_are_accepted(client, directory):
    for query in ("full=TRUE", "full=0", "minimal=false", "format=json", "search=", "page=1"):
        assert client.get(f"/api/hsds/services/?{query}").status_code == 200, query
    assert client.get("/api/hsds/service_at_locations/?postcode=95814-1234").status_code == 200


@pytest.mark.parametrize(
    "name", ["organization", "service", "service_at_location", "taxonomy", "taxonomy_term"]
)
@pytest.mark.parametrize("key", ["3f7b145d-84af-42d7-8fae-eaca714b02b2", "not-a-uuid", "x" * 300])
def test_unknown_ids_are_a_json_404(client, db, name, key):
    response = client.get(reverse(f"hsds:{name}", kwargs={"id": key}))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": 404,
        "message": f"No published {name.replace('_term', ' term')} has this id.",
    }


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, directory, method):
    response = getattr(client, method)("/api/hsds/services/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response.json()["status"] == 405


def test_responses_are_public_cacheable_json(client, directory):
    response = client.get("/api/hsds/services/?full=true", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "public, no-cache"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Accept-Language" in response["Vary"]
    assert "Set-Cookie" not in response


def test_head_answers_like_get_without_a_body(client, directory):
    response = client.head("/api/hsds/organizations/")
    assert response.status_code == 200
    assert response.content == b""


def test_the_root_describes_the_api(client, db):
    data = client.get("/api/hsds/").json()
    assert data["version"] == "3.0"
    assert data["endpoints"]["services"] == "http://testserver/api/hsds/services"
    assert data["profile"].startswith("https://")
    assert data["license"]["url"].startswith("https://")
    for url in data["endpoints"].values():
        assert client.get(url).status_code == 200, url
