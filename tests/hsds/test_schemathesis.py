"""schemathesis against the official HSDS 3.0 openapi.json and a live server.

The official file is read from ../shared (read-only) and copied to a
temporary folder with this server's URL and its schemas' web addresses
pointed at the local copies. It is changed only where the spec itself is in
error; each erratum below says what and why. Every check schemathesis has
runs, and any failure fails the test.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from organizations.hsds.pagination import MAX_PAGE, MAX_PER_PAGE
from tests.hsds.schemas import SCHEMA_DIR, require_schemas

pytestmark = pytest.mark.django_db(transaction=True)

REMOTE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
ID_PARAMETERS = ("taxonomy_term_id", "taxonomy_id", "organization_id")


def _service_at_location_detail(spec: dict) -> str:
    response = spec["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]
    response["content"]["application/json"]["schema"] = {
        "$ref": "compiled/service_at_location.json"
    }
    return "/service_at_locations/{id} answers a service_at_location; the spec names service.json"


def _parameter_types(spec: dict) -> str:
    parameters = spec["components"]["parameters"]
    for name in ("page", "per_page"):
        parameters[name]["schema"]["minimum"] = 1
    parameters["page"]["schema"]["maximum"] = MAX_PAGE
    parameters["per_page"]["schema"]["maximum"] = MAX_PER_PAGE
    for name in ID_PARAMETERS:
        parameters[name]["schema"]["format"] = "uuid"
    parameters["format"]["schema"]["enum"] = ["json", "ndjson"]
    parameters["modified_after"]["schema"]["format"] = "date-time"
    parameters["postcode"]["schema"]["pattern"] = r"^\d{5}(-\d{4})?$"
    for path in spec["paths"].values():
        for parameter in path.get("get", {}).get("parameters", []):
            if parameter.get("name") == "parent_id":
                parameter["schema"]["format"] = "uuid"
    return (
        "parameters typed as plain strings and unbounded integers although HSDS ids are "
        "UUIDs, pages start at 1 (this API answers up to page 1,000,000 and 100 per page), "
        "format is json or ndjson, postcode a U.S. ZIP code (HSDS leaves its form to each "
        "country; this is a California directory) and "
        "modified_after is a date-time ('datetime' is not a JSON Schema format)"
    )


def _proximity(spec: dict) -> str:
    operation = spec["paths"]["/service_at_locations"]["get"]
    operation["parameters"] = [
        p for p in operation["parameters"] if not p.get("$ref", "").endswith("/proximity")
    ]
    return (
        "proximity is typed as any string, but only meters (with a postcode) or "
        "latitude,longitude,meters can mean anything; left out of generated requests "
        "(tests/hsds/test_http.py covers it)"
    )


ERROR = {
    "type": "object",
    "required": ["status", "message"],
    "properties": {"status": {"type": "integer"}, "message": {"type": "string"}},
}


def _error_responses(spec: dict) -> str:
    for path, item in spec["paths"].items():
        responses = item["get"]["responses"]
        codes = ["400", "404"] if "{id}" in path or path != "/" else ["400"]
        for code in codes:
            responses[code] = {
                "description": "An error, as JSON.",
                "content": {"application/json": {"schema": ERROR}},
            }
    return "only the 200 answers are documented: no operation lists its 400 or 404 answer"


def _ndjson(spec: dict) -> str:
    for path, item in spec["paths"].items():
        if "{id}" in path or path == "/":
            continue
        ok = item["get"]["responses"]["200"]["content"]
        ok["application/x-ndjson"] = {"schema": {}}
    return "format=ndjson is described but its content type (application/x-ndjson) is not"


ERRATA = (
    _service_at_location_detail,
    _parameter_types,
    _proximity,
    _error_responses,
    _ndjson,
)


def _spec_copy(folder: Path, base_url: str) -> tuple[Path, list[str]]:
    shutil.copytree(SCHEMA_DIR, folder, dirs_exist_ok=True)
    text = (SCHEMA_DIR / "openapi.json").read_text().replace(REMOTE, "")
    spec = json.loads(text)
    spec["servers"] = [{"url": base_url}]
    notes = [erratum(spec) for erratum in ERRATA]
    path = folder / "openapi.json"
    path.chmod(0o644)
    path.write_text(json.dumps(spec))
    return path, notes


def test_the_api_passes_schemathesis_with_the_listed_errata_only(live_server, directory, tmp_path):
    require_schemas()
    spec, _notes = _spec_copy(tmp_path / "spec", f"{live_server.url}/api/hsds")
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        str(spec),
        "--url",
        f"{live_server.url}/api/hsds",
        "--checks",
        "all",
        "--max-examples",
        os.environ.get("SCHEMATHESIS_EXAMPLES", "25"),
        "--seed",
        "2012",
        "--workers",
        "1",
        "--no-color",
        "--generation-database",
        "none",
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=900)  # noqa: S603
    assert result.returncode == 0, result.stdout[-12000:] + result.stderr[-2000:]
