"""export_hsds -> import_hsds into an empty database -> export_hsds gives the same bytes."""

import csv
import json

import pytest
from django.core.management import call_command

from core.publishing import Status
from organizations.models import Location, Organization, Service
from tests.hsds.schemas import require_schemas

pytestmark = pytest.mark.django_db


def _export(tmp_path, name: str, *options: str) -> bytes:
    out = tmp_path / name
    call_command("export_hsds", str(out), *options)
    return out.read_bytes()


def _empty_directory() -> None:
    # Reference data (counties, languages, terms) stays, as on a fresh site.
    Organization.objects.all().delete()


def test_export_import_export_is_byte_identical(tmp_path, directory):
    require_schemas()
    first = _export(tmp_path, "first.json")
    records = json.loads(first)
    assert [r["name"] for r in records] == [
        "Legal aid",
        "Crisis line",
        "Emergency shelter",
        "Case management",
    ]
    _empty_directory()
    call_command("import_hsds", str(tmp_path / "first.json"), "--publish")
    assert _export(tmp_path, "second.json") == first


def test_ndjson_round_trips_too(tmp_path, directory):
    require_schemas()
    first = _export(tmp_path, "first.ndjson", "--format", "ndjson")
    assert len(first.splitlines()) == 4
    _empty_directory()
    call_command("import_hsds", str(tmp_path / "first.ndjson"), "--publish")
    assert _export(tmp_path, "second.ndjson", "--format", "ndjson") == first


def test_the_export_holds_no_draft_and_no_shelter_address(tmp_path, directory):
    text = _export(tmp_path, "out.json").decode()
    assert "Unannounced program" not in text
    assert "Hidden" not in text
    for secret in ("77 Hidden Way", "Unit 9", "93721", "36.7378", "-119.7871"):
        assert secret not in text


def test_new_records_arrive_as_drafts(tmp_path, directory):
    require_schemas()
    _export(tmp_path, "out.json")
    _empty_directory()
    call_command("import_hsds", str(tmp_path / "out.json"))
    assert set(Organization.objects.values_list("status", flat=True)) == {Status.DRAFT}
    assert Service.objects.published().count() == 0
    assert Location.objects.get(name="Shelter").address_1 == ""


def test_the_tabular_form_round_trips_to_the_same_json(tmp_path, directory):
    require_schemas()
    first = _export(tmp_path, "first.json")
    call_command("export_hsds", str(tmp_path / "tables"), "--format", "csv")
    with (tmp_path / "tables" / "service.csv").open() as stream:
        header = next(csv.reader(stream))
    assert header[:4] == ["id", "organization_id", "program_id", "name"]
    _empty_directory()
    call_command("import_hsds", str(tmp_path / "tables"), "--publish")
    assert _export(tmp_path, "second.json") == first
