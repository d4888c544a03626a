"""The back office's HSDS pages: download, import with preview and one-step
confirmation, and the possible-duplicate queue."""

import json
import uuid
import zipfile
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.publishing import Status
from organizations.models import Organization, PossibleDuplicate, Service
from tests.factories import OrganizationFactory, PhoneFactory
from tests.hsds.schemas import require_schemas

pytestmark = pytest.mark.django_db


def _record(name="Sample listing: River Aid", phone=None) -> dict:
    record: dict = {
        "id": str(uuid.uuid4()),
        "name": "Legal clinic",
        "status": "active",
        "organization": {"id": str(uuid.uuid4()), "name": name, "description": "Help."},
    }
    if phone:
        record["phones"] = [{"id": str(uuid.uuid4()), "number": phone}]
    return record


def _upload(content: bytes, name="in.json") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/json")


def test_download_gives_the_export_in_each_format(admin_client, directory):
    page = admin_client.get("/admin/hsds/download/")
    assert page.status_code == 200
    as_json = admin_client.get("/admin/hsds/download/?format=json")
    records = json.loads(b"".join(as_json.streaming_content))
    assert len(records) == 4
    assert "77 Hidden Way" not in json.dumps(records)
    require_schemas()
    zipped = admin_client.get("/admin/hsds/download/?format=csv")
    with zipfile.ZipFile(BytesIO(zipped.content)) as archive:
        assert "service.csv" in archive.namelist()


def test_import_previews_then_writes_on_confirmation(admin_client, db):
    require_schemas()
    record = _record()
    preview = admin_client.post(
        "/admin/hsds/import/", {"file": _upload(json.dumps([record]).encode())}
    )
    assert preview.status_code == 200
    assert "would write new 1 organizations, 1 services" in preview.content.decode()
    assert not Service.objects.filter(uuid=record["id"]).exists()
    token = preview.context["token"]
    done = admin_client.post("/admin/hsds/import/", {"token": token, "confirm": "1"})
    assert done.status_code == 302
    service = Service.objects.get(uuid=record["id"])
    assert service.status == Status.DRAFT
    again = admin_client.post("/admin/hsds/import/", {"token": token, "confirm": "1"})
    assert Service.objects.filter(uuid=record["id"]).count() == 1
    assert again.status_code == 302


def test_an_invalid_file_is_a_form_error_not_a_500(admin_client, db):
    require_schemas()
    response = admin_client.post("/admin/hsds/import/", {"file": _upload(b"{nope")})
    assert response.status_code == 200
    assert "is not valid JSON" in response.content.decode()
    invalid = admin_client.post(
        "/admin/hsds/import/", {"file": _upload(json.dumps([{"id": "x"}]).encode())}
    )
    assert "Invalid records" in invalid.content.decode()
    assert "Confirm import" not in invalid.content.decode()


def test_a_lookalike_waits_in_the_queue_and_a_curator_merges_it(admin_client, db):
    require_schemas()
    existing = OrganizationFactory(name="Harbor Light Advocates")
    PhoneFactory(organization=existing, number="916-555-0100")
    record = _record("Harbor Light", phone="(916) 555-0100")
    preview = admin_client.post(
        "/admin/hsds/import/", {"file": _upload(json.dumps(record).encode())}
    )
    assert "same phone number (916) 555-0100" in preview.content.decode()
    admin_client.post("/admin/hsds/import/", {"token": preview.context["token"], "confirm": "1"})
    duplicate = PossibleDuplicate.objects.get()
    assert duplicate.existing == existing
    assert not Organization.objects.filter(uuid=record["organization"]["id"]).exists()
    admin_client.post(
        "/admin/organizations/possibleduplicate/",
        {"action": "merge", "_selected_action": [duplicate.pk]},
    )
    duplicate.refresh_from_db()
    assert duplicate.status == PossibleDuplicate.Status.MERGED
    assert Service.objects.get(uuid=record["id"]).organization == existing
