"""Import time of N generated HSDS service records into an empty directory.

Writes N fictional services (two per organization, each at its
organization's location, with a phone, weekday hours, a service type and a
county) as a JSON array, then times `import_hsds --publish` on a throw-away
test database (PostgreSQL when DATABASE_URL is set). Prints numbers only.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cas_h11 \
        .venv/bin/python scripts/bench_hsds_import.py
"""

import argparse
import json
import sys
import tempfile
import uuid
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.hsds_bench_setup import bench_database, load_average, timed


def _records(count: int, type_ids: list[str]) -> list[dict]:
    records = []
    for n in range(count):
        organization_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-org-{n // 2}"))
        location_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-location-{n // 2}"))
        service_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-service-{n}"))
        records.append(
            {
                "id": service_id,
                "name": f"Service {n}",
                "status": "active",
                "description": "Sample listing: fictional service for a benchmark.",
                "organization": {
                    "id": organization_id,
                    "name": f"Sample listing: Bench Organization {n // 2}",
                    "description": "SAMPLE LISTING: not a real organization.",
                },
                "phones": [
                    {
                        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-phone-{n}")),
                        "number": f"916-555-01{n % 100:02d}",
                        "type": "voice",
                    }
                ],
                "service_areas": [
                    {
                        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-area-{n}")),
                        "name": "Sacramento County",
                    }
                ],
                "attributes": [
                    {
                        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-attribute-{n}")),
                        "taxonomy_term_id": type_ids[n % len(type_ids)],
                    }
                ],
                "service_at_locations": [
                    {
                        "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-link-{n}")),
                        "location": {
                            "id": location_id,
                            "location_type": "physical",
                            "name": "Office",
                            "latitude": 38.58,
                            "longitude": -121.49,
                            "addresses": [
                                {
                                    "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-address-{n}")),
                                    "address_1": f"{n} J St",
                                    "city": "Sacramento",
                                    "region": "Sacramento County",
                                    "state_province": "CA",
                                    "postal_code": "95814",
                                    "country": "US",
                                    "address_type": "physical",
                                }
                            ],
                            "schedules": [
                                {
                                    "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench-hours-{n}")),
                                    "freq": "WEEKLY",
                                    "byday": "MO,TU,WE,TH,FR",
                                    "opens_at": "09:00-08:00",
                                    "closes_at": "17:00-08:00",
                                }
                            ],
                        },
                    }
                ],
            }
        )
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    args = parser.parse_args()

    with bench_database():
        from django.core.management import call_command
        from django.db import connection

        from organizations.models import Organization, Schedule, Service, ServiceType

        type_ids = [str(u) for u in ServiceType.objects.values_list("uuid", flat=True)]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "generated.json"
            path.write_text(json.dumps(_records(args.services, type_ids)))
            megabytes = path.stat().st_size / 1e6
            print(load_average())
            with timed() as timing:
                call_command("import_hsds", str(path), "--publish", stdout=StringIO())
        print(
            f"database: {connection.vendor}; import of {args.services} generated services "
            f"({megabytes:.1f} MB): {timing}; wrote {Service.objects.count()} services, "
            f"{Organization.objects.count()} organizations, {Schedule.objects.count()} schedules, "
            f"{Service.history.count()} service history rows; {load_average()}"
        )


if __name__ == "__main__":
    main()
