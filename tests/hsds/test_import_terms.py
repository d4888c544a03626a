"""A partner's taxonomy terms: ours by id, theirs through the curators' mapping, else reported."""

import json
import uuid
from io import StringIO

import pytest
from django.core.management import call_command

from organizations.models import Service, ServiceType, TaxonomyMapping
from tests.factories import service_type
from tests.hsds.schemas import require_schemas

pytestmark = pytest.mark.django_db


def _record(*terms: dict) -> dict:
    service_id = str(uuid.uuid4())
    return {
        "id": service_id,
        "name": "Legal clinic",
        "status": "active",
        "organization": {
            "id": str(uuid.uuid4()),
            "name": "Sample listing: Oak",
            "description": "x",
        },
        "attributes": [
            {
                "id": str(uuid.uuid4()),
                "link_id": service_id,
                "taxonomy_term_id": term["id"],
                "taxonomy_term": {"description": term["name"], **term},
            }
            for term in terms
        ],
    }


def test_terms_are_mapped_or_reported_never_invented(tmp_path):
    require_schemas()
    legal = service_type("legal-services")
    TaxonomyMapping.objects.create(taxonomy="AIRS", code="FT-1000", service_type=legal)
    ours = {"id": str(service_type("emergency-shelter").uuid), "name": "Emergency shelter"}
    mapped = {"id": str(uuid.uuid4()), "code": "FT-1000", "name": "Legal", "taxonomy": "AIRS"}
    unknown = {"id": str(uuid.uuid4()), "code": "ZZ-9", "name": "Pet grooming", "taxonomy": "AIRS"}
    record = _record(ours, mapped, unknown)
    path = tmp_path / "in.json"
    path.write_text(json.dumps(record))
    before = ServiceType.objects.count()
    out = StringIO()
    call_command("import_hsds", str(path), stdout=out)
    service = Service.objects.get(uuid=record["id"])
    assert set(service.service_types.values_list("slug", flat=True)) == {
        "legal-services",
        "emergency-shelter",
    }
    assert "unknown taxonomy term Pet grooming (taxonomy AIRS); not kept" in out.getvalue()
    assert ServiceType.objects.count() == before
