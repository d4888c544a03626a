"""The API's HTTP behaviour as a client written to the OpenAPI file sees it:
no redirects, JSON with CORS for every answer and error, the asked-for language."""

import json

import pytest
from django.db import OperationalError
from django.http import HttpResponse
from django.test import Client, RequestFactory

from organizations.hsds.responses import HsdsApiMiddleware
from tests.factories import service_type

pytestmark = pytest.mark.django_db

LISTS = ["organizations", "services", "service_at_locations", "taxonomies", "taxonomy_terms"]


def _detail_paths(directory) -> list[str]:
    from organizations.hsds.taxonomy import SERVICE_TYPES

    return [
        f"organizations/{directory.harbor.uuid}",
        f"services/{directory.legal.uuid}",
        f"service_at_locations/{directory.legal.location_links.get().uuid}",
        f"taxonomies/{SERVICE_TYPES.id}",
        f"taxonomy_terms/{service_type('legal-services').uuid}",
    ]


def _assert_json_with_cors(response, status: int) -> None:
    assert response.status_code == status, response.content[:200]
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert json.loads(response.content)["status"] == status


def test_spec_paths_answer_with_and_without_the_slash(client, directory):
    for path in [*LISTS, *_detail_paths(directory)]:
        for url in (f"/api/hsds/{path}", f"/api/hsds/{path}/"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["Access-Control-Allow-Origin"] == "*", url


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_a_json_405_even_with_csrf_checks(directory, method):
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)("/api/hsds/services")
    _assert_json_with_cors(response, 405)
    assert response["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("url", ["/api/hsds/x", "/api/hsds/x/", "/api/hsds/services/a/b"])
def test_unknown_paths_are_a_json_404(client, db, url):
    _assert_json_with_cors(client.get(url), 404)
    _assert_json_with_cors(client.post(url), 404)


def test_too_many_parameters_is_a_json_400(db):
    client = Client(raise_request_exception=False)
    query = "&".join(f"p{n}=1" for n in range(1100))
    _assert_json_with_cors(client.get(f"/api/hsds/services?{query}"), 400)


def test_errors_made_elsewhere_become_json_and_keep_their_headers():
    def outage_page(request):
        response = HttpResponse("<h1>Down for a moment</h1>", status=503)
        response["Retry-After"] = "120"
        return response

    middleware = HsdsApiMiddleware(outage_page)
    response = middleware(RequestFactory().get("/api/hsds/services"))
    _assert_json_with_cors(response, 503)
    assert response["Retry-After"] == "120"
    page = middleware(RequestFactory().get("/services/"))
    assert page.content == b"<h1>Down for a moment</h1>"


def test_a_database_outage_in_a_view_is_a_json_503():
    middleware = HsdsApiMiddleware(lambda request: HttpResponse())
    request = RequestFactory().get("/api/hsds/services")
    response = middleware.process_exception(request, OperationalError("connection refused"))
    _assert_json_with_cors(response, 503)
    assert response["Retry-After"]
    assert middleware.process_exception(RequestFactory().get("/"), OperationalError()) is None


def test_accept_language_es_gives_spanish_names(client, directory):
    term = service_type("legal-services")
    assert term.name_es
    assert term.name_es != term.name
    url = f"/api/hsds/taxonomy_terms/{term.uuid}"
    spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5").json()
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en-US").json()
    assert (spanish["name"], spanish["language"]) == (term.name_es, "es")
    assert (english["name"], english["language"]) == (term.name, "en")
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="es")["Content-Language"] == "es"


def test_a_visitors_language_cookie_does_not_change_the_answer(client, directory):
    client.cookies["django_language"] = "es"
    term = service_type("legal-services")
    assert client.get(f"/api/hsds/taxonomy_terms/{term.uuid}").json()["name"] == term.name


def test_the_page_cache_keeps_languages_apart(client, directory, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    term = service_type("legal-services")
    url = f"/api/hsds/taxonomy_terms/{term.uuid}"
    client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="es").json()["name"] == term.name_es


def test_every_term_has_a_description(client, directory):
    terms = client.get("/api/hsds/taxonomy_terms?per_page=100").json()["contents"]
    assert terms
    assert all(term["description"].strip() for term in terms)


def test_minimal_lists_every_service_in_one_call(client, directory):
    data = client.get("/api/hsds/services?minimal=true&per_page=1").json()
    assert data["size"] == data["total_items"] == 4
    assert set(data["contents"][0]) == {"id", "name", "status", "last_modified"}


def test_ndjson_streams_every_record_without_pages(client, directory):
    response = client.get("/api/hsds/services?format=ndjson&full=true")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson"
    lines = b"".join(response.streaming_content).decode().splitlines()
    names = sorted(json.loads(line)["name"] for line in lines)
    assert names == ["Case management", "Crisis line", "Emergency shelter", "Legal aid"]


def test_proximity_finds_public_locations_near_a_point_never_a_shelter(client, directory):
    directory.drop_in.latitude, directory.drop_in.longitude = "38.581600", "-121.494400"
    directory.drop_in.save()
    near = "/api/hsds/service_at_locations?proximity=38.58,-121.49,2000"
    assert [item["service"]["name"] for item in client.get(near).json()["contents"]] == [
        "Legal aid"
    ]
    far = "/api/hsds/service_at_locations?proximity=34.05,-118.24,2000"
    assert client.get(far).json()["total_items"] == 0
    # The shelter sits at its own coordinates, yet no distance search finds it.
    shelter = directory.shelter
    at_shelter = f"proximity={shelter.latitude},{shelter.longitude},5000"
    assert client.get(f"/api/hsds/service_at_locations?{at_shelter}").json()["total_items"] == 0
    by_zip = "/api/hsds/service_at_locations?postcode=95814&proximity=5000"
    assert client.get(by_zip).json()["total_items"] == 1
