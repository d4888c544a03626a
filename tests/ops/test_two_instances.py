"""The production topology on this machine: Debian's nginx with
deploy/nginx/proxy.conf in front of two gunicorn instances that share one
PostgreSQL database and one Redis.

A curator's change made through instance A is seen on instance B in the
very next request; a load run of 64 connections gives no errors; slow
clients trickling headers do not stop /healthz. The full 60-second load run
is `python scripts/load.py` (see README.md, Operations), whose numbers the
closing notes report; here it runs for LOAD_SECONDS.
"""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.conf import settings

from scripts import load
from tests.ops import servers
from tests.ops.conftest import Site, need_nginx

pytestmark = pytest.mark.postgres

LOAD_SECONDS = float(os.environ.get("OPS_LOAD_SECONDS", "10"))
LOAD_PATHS = ["/", "/search/?q=legal", "/counties/fresno/", "/search/?zip=93721", "/healthz"]


@dataclass
class Topology:
    proxy: str
    a: str
    b: str
    site: Site


@pytest.fixture(scope="module")
def topology(site) -> Iterator[Topology]:
    need_nginx()
    ports = [servers.free_port() for _ in range(3)]
    env = site.env()
    started = [
        servers.gunicorn(env, site.folder / "a.log", ports[0]),
        servers.gunicorn(env, site.folder / "b.log", ports[1]),
    ]
    try:
        started.append(servers.nginx(site.folder / "nginx", ports[2], ports[:2], site.static_root))
        a, b, proxy = (f"http://127.0.0.1:{port}" for port in ports)
        yield Topology(proxy=proxy, a=a, b=b, site=site)
    finally:
        for process in started:
            process.stop()


def run_on(site: Site, code: str) -> str:
    """Python with instance A's settings (its database, its Redis): what A's admin does."""
    return subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=servers.ROOT,
        env=site.env(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


FIND_STREET = """
from organizations.models import Location
location = (Location.objects.public().filter(organization__status="published")
            .exclude(address_1="").order_by("pk").first())
organization = location.organization
print(location.pk, organization.slug, organization.uuid, location.address_1, sep="|")
"""


def test_a_confidential_flag_set_on_a_leaves_no_trace_on_b(topology):
    pk, slug, organization, street = run_on(topology.site, FIND_STREET).split("|")
    page = f"/organizations/{slug}/"
    api = f"/api/hsds/organizations/{organization}/"
    # B has the page and the API answer cached (the second request is a hit).
    for url in (page, api, page, api):
        answer = servers.fetch(topology.b + url)
        assert answer.status == 200, url
        assert street.encode() in answer.body, url
    run_on(
        topology.site,
        f"from organizations.models import Location\n"
        f"location = Location.objects.get(pk={pk})\n"
        f"location.is_confidential = True\n"
        f"location.save()",
    )
    for base in (topology.b, topology.proxy, topology.a):
        for url in (page, api):
            answer = servers.fetch(base + url)
            assert answer.status == 200, url
            assert street.encode() not in answer.body, (base, url)
    # Nobody else may keep the old answer either.
    assert "no-cache" in servers.fetch(topology.b + api).headers["cache-control"]
    run_on(
        topology.site,
        f"from organizations.models import Location\n"
        f"Location.objects.filter(pk={pk}).update(is_confidential=False)\n"
        f"from core.page_cache import bump_version; bump_version()",
    )


def test_64_connections_get_no_errors(topology):
    result = load.run(topology.proxy, LOAD_PATHS, connections=64, seconds=LOAD_SECONDS)
    print(result.summary())
    log = topology.site.folder / "nginx" / "nginx.log"
    assert result.errors == {}, log.read_text()[-3000:]
    assert result.requests > 64


def test_static_files_come_from_nginx_with_security_headers(topology):
    css = next(topology.site.static_root.glob("css/site.*.css")).name
    answer = servers.fetch(f"{topology.proxy}/static/css/{css}")
    assert answer.status == 200
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["cross-origin-resource-policy"] == "same-origin"
    assert "immutable" in answer.headers["cache-control"]


def test_a_body_over_the_limit_is_refused_by_nginx(topology):
    # deploy/nginx/proxy.conf's client_max_body_size is REQUEST_BODY_MAX_BYTES (32 MB).
    over = settings.REQUEST_BODY_MAX_BYTES + (1 << 20)
    answer = servers.fetch(topology.proxy + "/search/", method="POST", data=b"x" * over)
    assert answer.status == 413


def trickle(port: int) -> socket.socket:
    client = socket.create_connection(("127.0.0.1", port))
    client.sendall(b"GET /search/?q=legal HTTP/1.1\r\nHost: localhost\r\n")
    return client


def test_slow_clients_do_not_stop_healthz(topology):
    port = int(topology.proxy.rsplit(":", 1)[1])
    slow = [trickle(port) for _ in range(50)]
    try:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            for client in slow:
                client.sendall(b"X-Slow: 1\r\n")
            answer = servers.fetch(topology.proxy + "/healthz", timeout=2)
            assert answer.status == 200
            assert answer.seconds < 1
            time.sleep(0.5)
    finally:
        for client in slow:
            client.close()
