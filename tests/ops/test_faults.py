"""Database and Redis faults, on real PostgreSQL and Redis behind a relay:
an outage answers 503 with Retry-After (JSON under /api/), /readyz says so
within 2 s even when the database accepts but never answers, the site
recovers without a restart, and Redis down still serves pages."""

import json
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.db import connection

from tests.ops import servers

pytestmark = pytest.mark.postgres

PAGE = "/search/?q=legal"
API = "/api/hsds/organizations/"


@pytest.fixture(scope="module")
def relay(site) -> Iterator[servers.Relay]:
    base = settings.DATABASES["default"]
    made = servers.Relay((base.get("HOST") or "127.0.0.1", int(base.get("PORT") or 5432)))
    made.start()
    yield made
    made.stop()


@pytest.fixture(scope="module")
def web(site, relay) -> Iterator[str]:
    port = servers.free_port()
    env = site.env(DATABASE_URL=site.url_through(relay.port), PUBLIC_PAGE_CACHE_SECONDS="0")
    process = servers.gunicorn(env, site.folder / "faults.log", port, workers=1)
    yield f"http://127.0.0.1:{port}"
    process.stop()


@pytest.fixture(autouse=True)
def _database_back(relay):
    yield
    relay.restore()


def assert_outage(web: str) -> None:
    page = servers.fetch(web + PAGE)
    assert page.status == 503
    assert page.headers["retry-after"] == "30"
    assert page.headers["content-type"].startswith("text/html")
    assert b"Exit this page" in page.body
    api = servers.fetch(web + API)
    assert api.status == 503
    assert api.headers["retry-after"] == "30"
    assert set(json.loads(api.body)) == {"status", "message"}
    ready = servers.fetch(web + "/readyz")
    assert ready.status == 503
    assert json.loads(ready.body)["database"] == "unavailable"
    assert ready.seconds < 2


def test_an_outage_is_a_503_and_the_site_recovers_without_a_restart(web, relay):
    assert servers.fetch(web + PAGE).status == 200
    relay.refuse()
    assert_outage(web)
    relay.restore()
    assert servers.fetch(web + PAGE).status == 200
    assert servers.fetch(web + "/readyz").status == 200


def test_a_database_that_never_answers_gives_a_503_not_a_hung_request(web, relay):
    relay.swallow()
    assert_outage(web)
    # The connect timeout (2 s) bounds a page too.
    assert servers.fetch(web + PAGE, timeout=10).seconds < 5
    relay.restore()
    assert servers.fetch(web + PAGE).status == 200


def test_healthz_answers_during_an_outage(web, relay):
    relay.refuse()
    assert servers.fetch(web + "/healthz").status == 200


def test_redis_down_still_serves_pages(site):
    port = servers.free_port()
    dead = f"redis://127.0.0.1:{servers.free_port()}/0"
    process = servers.gunicorn(site.env(REDIS_URL=dead), site.folder / "redis.log", port, 1)
    try:
        web = f"http://127.0.0.1:{port}"
        for url in ("/", PAGE, API):
            assert servers.fetch(web + url).status == 200
        ready = servers.fetch(web + "/readyz")
        assert ready.status == 503
        assert json.loads(ready.body) == {
            "status": "unavailable",
            "database": "ok",
            "cache": "unavailable",
        }
    finally:
        process.stop()
    assert b"Traceback" not in (site.folder / "redis.log").read_bytes()


@pytest.mark.django_db
def test_every_connection_has_a_statement_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("10s",)
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone() == ("5s",)
