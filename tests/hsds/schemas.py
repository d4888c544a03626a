"""Validators for the HSDS 3.0 reference schemas in ../shared/hsds-3.0/ (read, never copied).

Where that folder is absent the conformance tests skip with a message; the
rest of the HSDS tests do not need it.
"""

import json
import os
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(settings.BASE_DIR).parent / "shared" / "hsds-3.0" / "schema"
PAGE_FIELDS = [
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
]


def require_schemas() -> None:
    """Skip where the reference folder is absent; in CI (CI set) fail instead."""
    if not SCHEMA_DIR.is_dir():
        message = f"HSDS 3.0 reference schemas not found at {SCHEMA_DIR}: not checked"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@cache
def _format_checker() -> FormatChecker:
    """Draft 2020-12's format checker, with the two formats HSDS uses whose
    checkers jsonschema only has when optional packages are installed."""
    checker = FormatChecker(Draft202012Validator.FORMAT_CHECKER.checkers)
    if "date-time" not in checker.checkers:

        @checker.checks("date-time", raises=ValueError)
        def date_time(value):
            if not isinstance(value, str):
                return True
            return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None

    if "uri" not in checker.checkers:

        @checker.checks("uri")
        def uri(value):
            parts = urlsplit(value) if isinstance(value, str) else None
            return parts is None or bool(parts.scheme and parts.netloc)

    return checker


@cache
def _load(relative: str) -> dict:
    return json.loads((SCHEMA_DIR / relative).read_text())


@cache
def _registry() -> Registry:
    """The per-entity schemas, which refer to each other by file name."""
    resources = [
        (path.name, Resource.from_contents(_load(path.name), default_specification=DRAFT202012))
        for path in SCHEMA_DIR.glob("*.json")
        if path.name != "openapi.json"
    ]
    return Registry().with_resources(resources)


def _item_schema(name: str) -> dict:
    """`service` is compiled/service.json; `taxonomy` is the plain taxonomy.json."""
    compiled = SCHEMA_DIR / "compiled" / f"{name}.json"
    return _load(f"compiled/{name}.json") if compiled.exists() else {"$ref": f"{name}.json"}


@cache
def validator(name: str, *, page: bool = False) -> Draft202012Validator:
    """A validator for one record (`name`) or for a page of them."""
    require_schemas()
    if name == "root":
        operation = _load("openapi.json")["paths"]["/"]["get"]
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    else:
        schema = _item_schema(name)
    if page:
        page_schema = _load("openapi.json")["components"]["schemas"]["Page"]
        schema = {
            "allOf": [page_schema],
            "required": PAGE_FIELDS,
            "properties": {"contents": {"type": "array", "items": schema}},
        }
    return Draft202012Validator(schema, registry=_registry(), format_checker=_format_checker())


def errors(name: str, data: dict, *, page: bool = False) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator(name, page=page).iter_errors(data)
    ]
