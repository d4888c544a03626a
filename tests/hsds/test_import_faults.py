"""Bad input to import_hsds: every fault reported with its record id and JSON
path, exit status 1, and nothing written."""

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from organizations.models import Organization, Service
from tests.factories import OrganizationFactory, ServiceFactory
from tests.hsds.schemas import require_schemas

pytestmark = pytest.mark.django_db

ORG_ID = "0f6b3c4e-8a2d-4c1e-9f3a-2b7d5e8c1a90"


def _service(name: str = "Legal clinic", **changes) -> dict:
    record = {
        "id": str(uuid.uuid4()),
        "name": name,
        "status": "active",
        "organization": {"id": ORG_ID, "name": "Sample listing: Delta Aid", "description": "Help."},
        "service_at_locations": [],
    }
    record.update(changes)
    return record


def _import(tmp_path: Path, content, *options: str, name: str = "in.json") -> tuple[str, str]:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content), encoding="utf-8")
    from io import StringIO

    out = StringIO()
    try:
        call_command("import_hsds", str(path), *options, stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), ""


def _nothing_written() -> None:
    assert not Organization.objects.filter(uuid=ORG_ID).exists()
    assert not Service.objects.filter(name__in=["Legal clinic", "Good one"]).exists()


@pytest.fixture(autouse=True)
def _schemas():
    require_schemas()


def test_each_invalid_record_is_reported_with_id_and_path_and_nothing_is_written(tmp_path):
    bad_id = _service(id="not-a-uuid")
    location = {
        "id": str(uuid.uuid4()),
        "location_type": "physical",
        "latitude": "38.58",
        "longitude": "-121.49",
    }
    strings = _service(service_at_locations=[{"id": str(uuid.uuid4()), "location": location}])
    misspelt = _service(nmae="Legal clinic")
    good = _service("Good one")
    out, error = _import(tmp_path, [bad_id, strings, misspelt, good])
    assert error == "4 errors: nothing was written (--skip-invalid writes the valid records)."
    assert 'record not-a-uuid at $.id: "not-a-uuid" is not a "uuid"' in out
    lat_path = "$.service_at_locations[0].location.latitude"
    assert f'record {strings["id"]} at {lat_path}: "38.58" is not of type "number"' in out
    assert f'{lat_path[:-8]}longitude: "-121.49" is not of type "number"' in out
    assert f"record {misspelt['id']} at $.nmae: unknown field 'nmae' (did you mean 'name'?)" in out
    _nothing_written()


def test_skip_invalid_writes_the_valid_records_and_lists_the_rest(tmp_path):
    out, error = _import(tmp_path, [_service(id="nope"), _service("Good one")], "--skip-invalid")
    assert error == ""
    assert "invalid: record nope at $.id" in out
    assert Service.objects.filter(name="Good one").count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '[{"id": 1,',
            "in.json is not valid JSON: Expecting property name enclosed in double quotes "
            "at line 1, column 11.",
        ),
        (
            '"a string"',
            "in.json holds a JSON str; expected an array of HSDS records, one record, or ndjson.",
        ),
        ("", "in.json is empty."),
        (
            '{"id": "x"}\n{oops}\n',
            "in.json line 2: not JSON (Expecting property name enclosed in double quotes).",
        ),
        ("[1, 2]", "2 errors: nothing was written (--skip-invalid writes the valid records)."),
    ],
    ids=["malformed", "wrong-shape", "empty", "bad-ndjson-line", "not-objects"],
)
def test_unreadable_files_are_one_line(tmp_path, content, message):
    assert _import(tmp_path, content)[1] == message
    _nothing_written()


def test_a_file_in_another_encoding_is_one_line(tmp_path):
    content = json.dumps([_service("Señales")], ensure_ascii=False).encode("utf-16")
    error = _import(tmp_path, content)[1]
    assert error == "in.json is not UTF-8 (byte 0): save it as UTF-8 and try again."
    _nothing_written()


def test_a_500_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(500 * 1024 * 1024)  # sparse: no disk or memory used
    with pytest.raises(CommandError) as raised:
        call_command("import_hsds", str(path))
    assert str(raised.value).startswith("huge.json is 500 MB; files up to 200 MB are read")


def test_a_uuid_of_another_organization_is_refused_for_that_record(tmp_path):
    theirs = ServiceFactory(organization=OrganizationFactory(name="Other org"))
    stolen = _service("Legal clinic", id=str(theirs.uuid), last_modified="2099-01-01T00:00:00Z")
    fine = _service("Good one")
    out, _error = _import(tmp_path, [stolen, fine])
    assert (
        f"refused: record {theirs.uuid}: service {theirs.uuid} belongs to another organization"
        in out
    )
    theirs.refresh_from_db()
    assert theirs.name != "Legal clinic"
    assert Service.objects.filter(name="Good one").exists()


def test_a_curators_newer_edit_is_not_overwritten(tmp_path):
    service = ServiceFactory(name="Edited by a curator")
    record = _service(
        "Old partner name",
        id=str(service.uuid),
        organization={"id": str(service.organization.uuid), "name": "X", "description": "Y"},
        last_modified="2020-01-01T00:00:00+00:00",
    )
    out, _error = _import(tmp_path, [record])
    assert f"refused: record {service.uuid}: service {service.uuid} was edited here on" in out
    assert "after this record's last_modified (2020-01-01T00:00:00+00:00)" in out
    service.refresh_from_db()
    assert service.name == "Edited by a curator"


def test_dry_run_reports_and_writes_nothing(tmp_path):
    out, error = _import(tmp_path, [_service()], "--dry-run")
    assert error == ""
    assert "would write new 1 organizations, 1 services" in out
    _nothing_written()


def test_manage_py_exits_1_with_one_line_and_no_traceback(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{nope")
    # The command as curators run it: our own interpreter and manage.py, no shell.
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "import_hsds", str(path)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "CommandError: broken.json is not valid JSON: Expecting property name enclosed in "
        "double quotes at line 1, column 2."
    )


def test_a_last_modified_without_a_zone_is_invalid(tmp_path):
    service = ServiceFactory(name="Edited by a curator")
    record = _service(
        "Old partner name",
        id=str(service.uuid),
        organization={"id": str(service.organization.uuid), "name": "X", "description": "Y"},
        last_modified="2020-01-01T00:00:00",
    )
    out, error = _import(tmp_path, [record])
    assert (
        f'record {service.uuid} at $.last_modified: "2020-01-01T00:00:00" is not a "date-time"'
        in out
    )
    assert error.startswith("1 errors: nothing was written")
    service.refresh_from_db()
    assert service.name == "Edited by a curator"
