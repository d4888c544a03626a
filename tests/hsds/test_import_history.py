"""What an import leaves for curators: history rows naming it, and a re-imported
record's phones and hours replaced by the ones it lists."""

import copy
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from organizations.models import Location, Organization, Phone, Schedule, Service
from tests.hsds.schemas import require_schemas

pytestmark = pytest.mark.django_db

ORG_ID = "5a0c2b8e-3f1d-4e6a-9b7c-1d2e3f4a5b60"
SERVICE_ID = "5a0c2b8e-3f1d-4e6a-9b7c-1d2e3f4a5b61"
LOCATION_ID = "5a0c2b8e-3f1d-4e6a-9b7c-1d2e3f4a5b62"
HOTLINE_ID = "5a0c2b8e-3f1d-4e6a-9b7c-1d2e3f4a5b63"
FAX_ID = "5a0c2b8e-3f1d-4e6a-9b7c-1d2e3f4a5b64"
MONDAY_ID = "5a0c2b8e-3f1d-4e6a-9b7c-1d2e3f4a5b65"
SATURDAY_ID = "5a0c2b8e-3f1d-4e6a-9b7c-1d2e3f4a5b66"


def _hours(schedule_id: str, day: str) -> dict:
    return {
        "id": schedule_id,
        "freq": "WEEKLY",
        "byday": day,
        "opens_at": "09:00-08:00",
        "closes_at": "17:00-08:00",
    }


def _record(last_modified: str = "2030-01-01T00:00:00Z", name: str = "Legal clinic") -> dict:
    return {
        "id": SERVICE_ID,
        "name": name,
        "status": "active",
        "last_modified": last_modified,
        "organization": {"id": ORG_ID, "name": "Sample listing: River Aid", "description": "Help."},
        "phones": [
            {"id": HOTLINE_ID, "number": "916-555-0142", "type": "voice"},
            {"id": FAX_ID, "number": "916-555-0143", "type": "fax"},
        ],
        "service_at_locations": [
            {
                "id": "5a0c2b8e-3f1d-4e6a-9b7c-1d2e3f4a5b67",
                "location": {
                    "id": LOCATION_ID,
                    "location_type": "physical",
                    "name": "Office",
                    "addresses": [
                        {
                            "id": "5a0c2b8e-3f1d-4e6a-9b7c-1d2e3f4a5b68",
                            "address_1": "12 J St",
                            "city": "Sacramento",
                            "region": "Sacramento County",
                            "state_province": "CA",
                            "postal_code": "95814",
                            "country": "US",
                            "address_type": "physical",
                        }
                    ],
                    "schedules": [_hours(MONDAY_ID, "MO"), _hours(SATURDAY_ID, "SA")],
                },
            }
        ],
    }


def _import(tmp_path: Path, record: dict, name: str = "river-aid.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps([record]), encoding="utf-8")
    out = StringIO()
    call_command("import_hsds", str(path), "--publish", stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _schemas():
    require_schemas()


def test_imported_records_get_history_rows_naming_the_import(tmp_path):
    _import(tmp_path, _record())
    for model in (Organization, Service, Location, Phone, Schedule):
        rows = model.history.all()
        assert rows.count() == model.objects.count() > 0, model
        assert {(r.history_type, r.history_change_reason) for r in rows} == {
            ("+", "HSDS import of river-aid.json")
        }
    service = Service.objects.get(uuid=SERVICE_ID)
    created = service.history.get()
    assert (created.name, created.organization_id, created.id) == (
        "Legal clinic",
        service.organization_id,
        service.pk,
    )

    _import(tmp_path, _record("2031-01-01T00:00:00Z", name="Legal clinic (walk-in)"), "update.json")
    service.refresh_from_db()
    assert service.name == service.name_en == "Legal clinic (walk-in)"
    latest = service.history.first()
    assert (latest.history_type, latest.history_change_reason, latest.name) == (
        "~",
        "HSDS import of update.json",
        "Legal clinic (walk-in)",
    )
    assert latest.updated_at == service.updated_at


def test_a_reimport_removes_the_phones_and_hours_it_no_longer_lists(tmp_path):
    _import(tmp_path, _record())
    monday = Schedule.objects.get(uuid=MONDAY_ID)
    record = _record("2031-01-01T00:00:00Z")
    record["phones"] = record["phones"][:1]
    record["service_at_locations"][0]["location"]["schedules"] = [_hours(MONDAY_ID, "MO")]

    out = _import(tmp_path, record, "update.json")

    assert "removed 1 phones, 1 schedules" in out
    assert [str(u) for u in Phone.objects.values_list("uuid", flat=True)] == [HOTLINE_ID]
    assert list(Schedule.objects.all()) == [monday]  # the same row, kept
    gone = Schedule.history.filter(uuid=SATURDAY_ID).first()
    assert (gone.history_type, gone.history_change_reason) == ("-", "HSDS import of update.json")
    kept = Schedule.history.filter(uuid=MONDAY_ID).first()
    assert (kept.history_type, kept.id) == ("~", monday.pk)
    assert Phone.history.filter(uuid=FAX_ID, history_type="-").exists()


def test_a_record_that_lists_no_phones_or_hours_leaves_them_alone(tmp_path):
    _import(tmp_path, _record())
    record = _record("2031-01-01T00:00:00Z")
    del record["phones"]
    del record["service_at_locations"][0]["location"]["schedules"]

    _import(tmp_path, record, "update.json")

    assert Phone.objects.count() == 2
    assert Schedule.objects.count() == 2


def test_a_refused_reimport_removes_nothing(tmp_path):
    _import(tmp_path, _record())
    service = Service.objects.get(uuid=SERVICE_ID)
    service.name = "Edited by a curator"
    service.save()  # now: after the record's last_modified below
    record = copy.deepcopy(_record("2020-01-01T00:00:00Z"))
    record["phones"] = []
    record["service_at_locations"][0]["location"]["schedules"] = []

    out = _import(tmp_path, record, "stale.json")

    assert "refused" in out
    assert Phone.objects.count() == 2
    assert Schedule.objects.count() == 2
    assert not Phone.history.filter(history_type="-").exists()
