"""HSDS export and import at scale: prints times and sizes, asserts nothing.

Builds a throw-away test database (SQLite, or PostgreSQL when DATABASE_URL is
set), fills it with sample organizations until it has at least --services
published services, exports them (JSON array, ndjson and CSV: time and
size), empties the directory, imports the first --services records of the export
with --publish (time), then times a county page, which needs the planner
statistics the import's ANALYZE leaves.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cas_h11 .venv/bin/python scripts/bench_hsds.py
"""

import argparse
import json
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.hsds_bench_setup import bench_database, load_average, timed


def _export(call_command, folder: Path, format: str, services: int) -> Path:
    out = folder / f"export.{format}"
    with timed() as timing:
        call_command("export_hsds", str(out), "--format", format, stderr=StringIO())
    files = [out] if out.is_file() else list(out.iterdir())
    megabytes = sum(f.stat().st_size for f in files) / 1e6
    print(
        f"export {format:6}: {timing}, {megabytes:7.1f} MB ({services} services); {load_average()}"
    )
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

    with bench_database():
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        from organizations.models import Organization, Service
        from organizations.sample_data import SampleDirectory

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
            if not args.skip_other_formats:
                for format in ("ndjson", "csv"):
                    _export(call_command, Path(folder), format, published)
            records = json.loads(exported.read_text())[: args.services]
            sample = Path(folder) / "import.json"
            sample.write_text(json.dumps(records))
            _empty(connection, Organization)
            with timed() as timing:
                call_command("import_hsds", str(sample), "--publish", stdout=StringIO())
            print(
                f"import {len(records)} services: {timing} ({Service.objects.count()} services, "
                f"{Organization.objects.count()} organizations written, ANALYZE included); "
                f"{load_average()}"
            )
        client = Client()
        for attempt in (1, 2):
            began = time.perf_counter()
            response = client.get("/counties/los-angeles/")
            print(
                f"county page after import (request {attempt}): {response.status_code}, "
                f"{(time.perf_counter() - began) * 1000:.0f} ms"
            )


if __name__ == "__main__":
    main()
