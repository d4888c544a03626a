"""Server-time benchmark of the public list pages.

Builds a throw-away test database (SQLite, or PostgreSQL when DATABASE_URL is
set), fills it with N sample organizations, then requests each page many times
through Django's test client and prints the median and 95th percentile server
time and the query count. Nothing is asserted: this prints numbers.

    make bench                       # SQLite, 10,000 organizations
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cas make bench
    python scripts/bench.py --count 1000 --repeat 20
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cas_directory.settings")
os.environ.setdefault("DJANGO_TESTING", "1")

PAGES = [
    ("home", "/"),
    ("county page (Los Angeles)", "/counties/los-angeles/"),
    ("county page (Alpine)", "/counties/alpine/"),
    ("county page, page 5", "/counties/los-angeles/?page=5"),
    ("search, no filter", "/search/"),
    ("search: keyword", "/search/?q=legal+help"),
    ("search: misspelt keyword", "/search/?q=shelterr"),
    ("search: ZIP 95814, by distance", "/search/?zip=95814"),
    (
        "search: keyword, ZIP and filters",
        "/search/?q=counseling&zip=90012&service_type=mental-health&free=1&language=es",
    ),
    (
        "search: service type and population",
        "/search/?service_type=legal-services&population=minors",
    ),
    ("organization page", "ORGANIZATION"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import (
        CaptureQueriesContext,
        setup_test_environment,
        teardown_test_environment,
    )

    from organizations.models import Organization
    from organizations.sample_data import SampleDirectory

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        fixtures = sorted(str(p) for p in (ROOT / "fixtures").glob("*.json"))
        call_command("loaddata", *fixtures, verbosity=0)
        started = time.perf_counter()
        SampleDirectory(count=args.count, seed=2012).build()
        if connection.vendor == "postgresql":
            # Planner statistics, as autovacuum would gather them on a live database.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(
            f"database: {connection.vendor}; {args.count} organizations built in "
            f"{time.perf_counter() - started:.1f} s; {args.repeat} requests a page"
        )
        client = Client()
        print(f"{'page':42} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        organization = Organization.objects.published().order_by("pk").first()
        for label, url in PAGES:
            if url == "ORGANIZATION":
                url = organization.get_absolute_url()
            timings = []
            for _ in range(args.repeat):
                cache.clear()
                with CaptureQueriesContext(connection) as queries:
                    began = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - began) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{url} answered {response.status_code}")
            timings.sort()
            p95 = timings[max(0, round(len(timings) * 0.95) - 1)]
            print(f"{label:42} {statistics.median(timings):10.1f} {p95:8.1f} {len(queries):8}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
