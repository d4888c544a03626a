"""HSDS export and import at scale: prints times and sizes, asserts nothing.

Builds a throw-away test database (SQLite, or PostgreSQL when DATABASE_URL is
set), fills it with sample organizations until it has at least --services
published services, exports them (JSON array and ndjson: time and size),
empties the directory, imports the first --services records of the export
with --publish (time), then times a county page, which needs the planner
statistics the import's ANALYZE leaves.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cas_wt_11 python scripts/bench_hsds.py
"""

import argparse
import json
import os
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cas_directory.settings")
os.environ.setdefault("DJANGO_TESTING", "1")


def _export(call_command, folder: Path, format: str, services: int) -> Path:
    out = folder / f"export.{format}"
    began = time.perf_counter()
    call_command("export_hsds", str(out), "--format", format, stderr=StringIO())
    seconds = time.perf_counter() - began
    files = [out] if out.is_file() else list(out.iterdir())
    megabytes = sum(f.stat().st_size for f in files) / 1e6
    print(f"export {format:6}: {seconds:6.1f} s, {megabytes:7.1f} MB ({services} services)")
    return out


def _empty(connection, organization_model) -> None:
    """An empty directory, fast: a QuerySet delete writes a history row for each
    of the tens of thousands of rows it removes."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(organization_model._meta.db_table)
            cursor.execute(f"TRUNCATE {table} CASCADE")
    else:
        organization_model.objects.all().delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--skip-other-formats", action="store_true", help="time JSON only")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    from organizations.models import Organization, Service
    from organizations.sample_data import SampleDirectory

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_reference_data", verbosity=0)
        organizations = max(1, args.services // 2)
        while True:
            SampleDirectory(count=organizations, seed=2012).build()
            if Service.objects.published().count() >= args.services:
                break
            organizations = int(organizations * 1.3)
        call_command("refresh_search_index", verbosity=0)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ANALYZE")
        published = Service.objects.published().count()
        print(f"database: {connection.vendor}; {organizations} organizations, {published} services")
        with tempfile.TemporaryDirectory() as folder:
            exported = _export(call_command, Path(folder), "json", published)
            records = json.loads(exported.read_text())[: args.services]
            sample = Path(folder) / "import.json"
            sample.write_text(json.dumps(records))
            _empty(connection, Organization)
            began = time.perf_counter()
            call_command("import_hsds", str(sample), "--publish", stdout=StringIO())
            seconds = time.perf_counter() - began
            print(
                f"import {len(records)} services: {seconds:.1f} s "
                f"({Service.objects.count()} services, {Organization.objects.count()} "
                "organizations written, ANALYZE included)"
            )
            if not args.skip_other_formats:
                for format in ("ndjson", "csv"):
                    _export(call_command, Path(folder), format, Service.objects.count())
        client = Client()
        for attempt in (1, 2):
            began = time.perf_counter()
            response = client.get("/counties/los-angeles/")
            print(
                f"county page after import (request {attempt}): {response.status_code}, "
                f"{(time.perf_counter() - began) * 1000:.0f} ms"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
