"""The official HSDS 3.0 examples import without error and show on the public pages."""

from io import StringIO

import pytest
from django.core.management import call_command

from organizations.models import Organization, Service
from tests.hsds.schemas import SCHEMA_DIR, require_schemas

pytestmark = pytest.mark.django_db
EXAMPLES = SCHEMA_DIR.parent / "examples"


@pytest.mark.parametrize("name", ["service_full.json", "organization_full.json"])
def test_an_official_example_imports_and_shows_once_published(client, name):
    require_schemas()
    out = StringIO()
    call_command("import_hsds", str(EXAMPLES / name), "--publish", stdout=out)
    report = out.getvalue()
    assert "invalid:" not in report
    assert "refused:" not in report
    organization = Organization.objects.get(uuid="d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610")
    service = Service.objects.get(uuid="ac148810-d857-441c-9679-408f346de14b")
    assert service.organization == organization
    page = client.get(organization.get_absolute_url())
    assert page.status_code == 200
    assert organization.name in page.content.decode()
    assert service.name in page.content.decode()
    api = client.get(f"/api/hsds/services/{service.uuid}")
    assert api.status_code == 200
    assert api.json()["name"] == service.name


def test_importing_an_example_twice_changes_nothing_the_second_time(client):
    require_schemas()
    path = str(EXAMPLES / "service_full.json")
    call_command("import_hsds", path, "--publish", stdout=StringIO())
    out = StringIO()
    call_command("import_hsds", path, "--publish", stdout=out)
    assert "refused:" not in out.getvalue()
    assert Service.objects.filter(uuid="ac148810-d857-441c-9679-408f346de14b").count() == 1
