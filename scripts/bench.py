"""`make bench`: the public pages under production settings at 100, 10,000 and 100,000 listings.

Needs DATABASE_URL pointing at PostgreSQL (the benchmark makes and drops its own
database beside it, `<name>_bench`) and Redis on REDIS_URL (default
redis://127.0.0.1:6379/14; its database is emptied). For each size it builds
the sample directory, runs ANALYZE, collects the static files once and starts
two gunicorn servers with production settings (gunicorn.conf.py: 3 workers),
one with the page cache off and one with it on. Each page is then measured
over loopback: median and p99 time for requests one after another (uncached),
SQL queries (in-process), HTML bytes raw and compressed, the first visit's
compressed bytes (HTML, CSS, JS, images), whether a repeat visit gets a 304,
and throughput at 16 connections uncached and cached, each as a fraction of
a static file of the same bytes served by the same gunicorn and WhiteNoise.
Prints tables and writes bench/results.json. Nothing is asserted.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cas make bench
    .venv/bin/python scripts/bench.py --counts 100 10000 --repeat 20 --seconds 2
"""

import argparse
import json
import os
import posixpath
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts import bench_http  # noqa: E402

PAGES = [
    ("home", "/"),
    ("county (Los Angeles)", "/counties/los-angeles/"),
    ("search: keyword", "/search/?q=shelter"),
    (
        "search: county, type, population, free",
        "/search/?county=los-angeles&service_type=legal-services&population=adults&free=1",
    ),
    ("search: ZIP 95814", "/search/?zip=95814"),
    ("organization", "ORGANIZATION"),
    ("resource list", "/resources/search/"),
    ("HSDS organizations", "/api/hsds/organizations/"),
    ("sitemap page", "/sitemap-organizations.xml"),
]
LOG = ROOT / "bench" / "gunicorn.log"
# Nine a page, about three for each of gunicorn.conf.py's workers: whichever is free
# takes the next connection.
WARM_UP_REQUESTS = 9
# Every static address in a page (tags, and the map settings' JSON that names the county
# shapes a map fetches), less links, which load only when followed; and what stylesheets
# name in url(). As tests/test_page_weight.py counts them, over the wire here.
STATIC_ADDRESS = re.compile(rb"/static/[^\"'\s<>?#]+")
LINK = re.compile(rb"<a\b[^>]*>")
CSS_URL = re.compile(rb"""url\(\s*["']?([^"')]+)["']?\s*\)""")


def production_environment(database_url: str, static_root: Path, redis_url: str) -> dict:
    """Production settings, but plain HTTP on loopback (no TLS to terminate here)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_DEBUG", "DJANGO_TESTING", "PUBLIC_PAGE_CACHE_SECONDS")
    }
    environment.update(
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DJANGO_SECURE_SSL="0",
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_LOG_LEVEL="WARNING",
        REDIS_URL=redis_url,
        AXES_ENABLED="0",
    )
    return environment


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    def __init__(self, environment: dict, cache_seconds: int):
        self.port = free_port()
        env = dict(environment, PUBLIC_PAGE_CACHE_SECONDS=str(cache_seconds))
        env["GUNICORN_BIND"] = f"127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "cas_directory.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            # Its start-up and shutdown lines would break up the table.
            stderr=LOG.open("a"),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if bench_http.fetch(self.port, "/healthz").status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("gunicorn did not start within a minute")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def first_visit_bytes(port: int, html: bytes, page_bytes: int) -> int:
    """Compressed bytes of the page and every static file it loads, stylesheets' too."""
    total = page_bytes
    pending = sorted(set(STATIC_ADDRESS.findall(LINK.sub(b"", html))))
    seen: set[bytes] = set()
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        total += len(bench_http.fetch(port, path.decode(), {"Accept-Encoding": "gzip"}).body)
        if path.endswith(b".css"):
            css = bench_http.fetch(port, path.decode()).body
            folder = path.rsplit(b"/", 1)[0]
            for name in CSS_URL.findall(css):
                if not name.startswith((b"data:", b"http:", b"https:", b"/")):
                    pending.append(posixpath.normpath(folder + b"/" + name))
    return total


def measure_size(args, count: int, static_root: Path, environment: dict) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.bulk import analyze
    from organizations.models import Location, Organization, Service
    from organizations.sample_data import SampleDirectory

    started = time.perf_counter()
    SampleDirectory(count=count, seed=2012).build()
    analyze(Organization, Service, Location)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    cache.clear()
    built = time.perf_counter() - started
    services = Service.objects.published().count()
    print(f"\n== {count:,} organizations ({services:,} published services), built in {built:.0f} s")

    organization = Organization.objects.published().order_by("pk").first()
    if organization is None:
        raise SystemExit("the sample directory has no published organization")
    pages = [
        (label, organization.get_absolute_url() if url == "ORGANIZATION" else url)
        for label, url in PAGES
    ]

    client = Client()
    (static_root / "bench").mkdir(exist_ok=True)
    rows: dict[str, dict[str, Any]] = {}
    for label, url in pages:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code} in-process")
        body = response.content
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        (static_root / "bench" / f"{slug}.html").write_bytes(body)
        rows[label] = {
            "url": url,
            "queries": len(queries),
            "html_bytes": len(body),
            "static": f"/static/bench/{slug}.html",
        }

    uncached, cached = Gunicorn(environment, 0), Gunicorn(environment, 300)
    try:
        # Every worker's first requests load templates and open connections: not what a
        # page costs a running site, and they would land on the first page measured.
        for server in (uncached, cached):
            for row in rows.values():
                for _ in range(WARM_UP_REQUESTS):
                    bench_http.fetch(server.port, row["url"])
        for label, row in rows.items():
            url = row["url"]
            timings = bench_http.latencies(uncached.port, url, args.repeat)
            row["median_ms"], row["p99_ms"] = bench_http.summary(timings)
            compressed = bench_http.fetch(uncached.port, url, {"Accept-Encoding": "gzip, br"})
            row["compressed_bytes"] = len(compressed.body)
            row["encoding"] = compressed.headers.get("content-encoding", "none")
            row["first_visit_bytes"] = first_visit_bytes(
                uncached.port, bench_http.fetch(uncached.port, url).body, len(compressed.body)
            )
            first = bench_http.fetch(cached.port, url)
            etag = first.headers.get("etag")
            repeat = bench_http.fetch(cached.port, url, {"If-None-Match": etag} if etag else {})
            row["repeat_visit_status"] = repeat.status
            row["rps_static"] = bench_http.throughput(cached.port, row["static"], args.seconds)
            row["rps_uncached"] = bench_http.throughput(uncached.port, url, args.seconds)
            row["rps_cached"] = bench_http.throughput(cached.port, url, args.seconds)
            row["uncached_fraction"] = row["rps_uncached"] / row["rps_static"]
            row["cached_fraction"] = row["rps_cached"] / row["rps_static"]
            print_row(label, row)
    finally:
        uncached.stop()
        cached.stop()
    return {
        "organizations": count,
        "published_services": services,
        "build_seconds": built,
        "pages": rows,
    }


HEADER = (
    f"{'page':40} {'median':>7} {'p99':>7} {'SQL':>4} {'HTML KB':>8} {'gzip KB':>8} "
    f"{'1st KB':>7} {'static/s':>9} {'uncached':>9} {'cached':>7} {'repeat':>6}"
)


def print_row(label: str, row: dict) -> None:
    if label == PAGES[0][0]:
        print(HEADER)
    print(
        f"{label:40} {row['median_ms']:7.1f} {row['p99_ms']:7.1f} {row['queries']:4} "
        f"{row['html_bytes'] / 1024:8.1f} {row['compressed_bytes'] / 1024:8.1f} "
        f"{row['first_visit_bytes'] / 1024:7.1f} {row['rps_static']:9.0f} "
        f"{row['uncached_fraction']:9.3f} {row['cached_fraction']:7.2f} "
        f"{row['repeat_visit_status']:6}"
    )


def print_ratios(results: list[dict]) -> None:
    sizes = [result["organizations"] for result in results]
    print("\nMedian uncached ms by size, and cost ratios")
    print(f"{'page':40} " + " ".join(f"{size:>9,}" for size in sizes) + "   ratios")
    for label, _url in PAGES:
        medians = [result["pages"][label]["median_ms"] for result in results]
        ratios = [
            f"{sizes[i + 1]:,}/{sizes[i]:,}: {medians[i + 1] / medians[i]:.2f}"
            for i in range(len(sizes) - 1)
        ]
        print(f"{label:40} " + " ".join(f"{m:9.1f}" for m in medians) + "   " + ", ".join(ratios))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[100, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=40, help="timed requests a page")
    parser.add_argument("--seconds", type=float, default=3.0, help="of each throughput run")
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit(
            "Set DATABASE_URL to a PostgreSQL database: the benchmark measures production's."
        )
    parts = urlsplit(database_url)
    bench_name = f"{parts.path.lstrip('/')}_bench"
    bench_url = urlunsplit(parts._replace(path=f"/{bench_name}"))
    static_root = Path(tempfile.mkdtemp(prefix="cas-bench-static-"))
    LOG.parent.mkdir(exist_ok=True)
    environment = production_environment(
        bench_url, static_root, os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    )
    # This process uses the same settings as the servers, with the page cache
    # off so that the in-process query counts are those of an uncached page.
    os.environ.clear()
    os.environ.update(
        environment, PUBLIC_PAGE_CACHE_SECONDS="0", DJANGO_SETTINGS_MODULE="cas_directory.settings"
    )

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    connection.settings_dict["TEST"]["NAME"] = bench_name
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    results = []
    try:
        call_command("load_reference_data", verbosity=0)
        from organizations.management.commands.load_sample_data import SAMPLE_FIXTURES

        call_command("loaddata", *SAMPLE_FIXTURES, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        for count in args.counts:
            results.append(measure_size(args, count, static_root, environment))
            args.output.parent.mkdir(exist_ok=True)
            args.output.write_text(json.dumps(results, indent=2))
        print_ratios(results)
        print(f"\nWritten to {args.output}")
    finally:
        connection.creation.destroy_test_db(bench_name, verbosity=0)
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
