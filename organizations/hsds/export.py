"""The whole published directory as HSDS 3.0: a JSON array of full service
records, ndjson, or the tabular form (tabular.py).

Always in English, the language curators write records in, whatever the
language of the request or shell; only what the API shows (published
records, confidential locations without address or coordinates), since it is
made by the same queries and serializers.
"""

import json
from collections.abc import Iterator
from typing import IO

from django.utils import translation

from organizations.hsds import queries, serializers
from organizations.hsds.params import ListParams

CHUNK = 500
FORMATS = ("json", "ndjson", "csv")


def service_records() -> Iterator[dict]:
    """Every published service, fully nested, in the order they were made."""
    with translation.override("en"):
        rows = queries.services(ListParams(full=True))
        for service in rows.iterator(chunk_size=CHUNK):
            yield serializers.service_full(service)


def write_json(out: IO[str], records: Iterator[dict]) -> int:
    """A JSON array, one record after another (never the whole list in memory)."""
    count = 0
    out.write("[")
    for record in records:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(record, ensure_ascii=False, indent=2))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def write_ndjson(out: IO[str], records: Iterator[dict]) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
