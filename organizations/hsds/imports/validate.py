"""Each record against the HSDS 3.0 schemas, with every error's record id and JSON path.

The schemas are read from settings.HSDS_SCHEMA_DIR (the official files,
never copied into this repository). HSDS allows extra fields, so a misspelt
key would pass the schemas: fields the schema does not name are reported
too, with the closest name it has.
"""

import difflib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jsonschema_rs
from django.conf import settings

from organizations.hsds.imports.read import UnreadableFile

KINDS = ("service", "organization", "service_at_location")


@dataclass(frozen=True)
class RecordError:
    record_id: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"record {self.record_id} at {self.path}: {self.message}"


def schema_dir() -> Path:
    return Path(settings.HSDS_SCHEMA_DIR)


@cache
def _schemas(directory: Path) -> tuple[dict[str, jsonschema_rs.Validator], dict[str, dict]]:
    """The compiled (self-contained) record schemas, with formats (uuid, email) checked."""
    if not (directory / "compiled").is_dir():
        raise UnreadableFile(
            f"the HSDS 3.0 schemas are not at {directory}: set HSDS_SCHEMA_DIR to the "
            "official schema folder."
        )
    compiled = {
        kind: json.loads((directory / "compiled" / f"{kind}.json").read_text()) for kind in KINDS
    }
    validators = {
        kind: jsonschema_rs.validator_for(schema, validate_formats=True)
        for kind, schema in compiled.items()
    }
    return validators, compiled


def kind_of(record: dict) -> str:
    """Services have a status, service-at-locations a service and a location."""
    if "service" in record and "location" in record:
        return "service_at_location"
    if "status" in record:
        return "service"
    return "organization"


def _path(parts) -> str:
    text = "$"
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _unknown_keys(value, schema: dict, parts: list) -> list[tuple[str, str]]:
    found = []
    if isinstance(value, dict) and isinstance(schema.get("properties"), dict):
        known = schema["properties"]
        for key, item in value.items():
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                found.append((_path([*parts, key]), f"unknown field {key!r}{hint}"))
            else:
                found += _unknown_keys(item, known[key], [*parts, key])
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            found += _unknown_keys(item, schema["items"], [*parts, index])
    return found


def record_errors(record, position: int) -> list[RecordError]:
    """Everything wrong with one record; `position` names it when it has no usable id."""
    if not isinstance(record, dict):
        return [
            RecordError(f"#{position}", "$", f"a record is an object, not {type(record).__name__}")
        ]
    record_id = str(record.get("id") or f"#{position}")
    validators, compiled = _schemas(schema_dir())
    kind = kind_of(record)
    errors = [
        RecordError(record_id, _path(error.instance_path), error.message)
        for error in sorted(
            validators[kind].iter_errors(record), key=lambda e: list(map(str, e.instance_path))
        )
    ]
    errors += [
        RecordError(record_id, path, message)
        for path, message in _unknown_keys(record, compiled[kind], [])
    ]
    return errors
