"""DATABASE_REPLICA_URL: public pages read from the replica, writes and migrations stay on
the primary. Run against a real second connection (to the same PostgreSQL database, standing
in for a streaming replica), in a fresh process so that the settings read the variable."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import OrganizationFactory

# Skipped on SQLite by tests/conftest.py: the replica is a PostgreSQL feature here.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]

SCRIPT = """
import json
import django
django.setup()
from django.conf import settings
from django.db import connections, router, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from core.models import County
from organizations.models import Organization

with CaptureQueriesContext(connections["default"]) as primary:
    with CaptureQueriesContext(connections["replica"]) as replica:
        status = Client().get(Organization.objects.get().get_absolute_url()).status_code
with transaction.atomic():
    inside = router.db_for_read(County)
print(json.dumps({
    "routers": settings.DATABASE_ROUTERS,
    "status": status,
    "primary": len(primary),
    "replica": len(replica),
    "write": router.db_for_write(County),
    "read_in_transaction": inside,
    "migrate_replica": router.allow_migrate("replica", "core"),
    "migrate_primary": router.allow_migrate("default", "core"),
}))
"""


def run_with_replica(url: str) -> dict:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cas_directory.settings",
        "DJANGO_TESTING": "1",
        "PUBLIC_PAGE_CACHE_SECONDS": "0",
        "DATABASE_URL": url,
        "DATABASE_REPLICA_URL": url,
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    # The command is this interpreter and a constant script.
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SCRIPT],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_public_pages_read_from_the_replica_and_writes_stay_on_the_primary():
    OrganizationFactory(name="Replica Read Org")
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    answer = run_with_replica(url)
    assert answer["routers"] == ["core.db_router.ReplicaRouter"]
    assert answer["status"] == 200
    assert answer["replica"] >= 3
    assert answer["primary"] == 0
    assert answer["write"] == "default"
    assert answer["read_in_transaction"] == "default"
    assert answer["migrate_replica"] is False
    assert answer["migrate_primary"] is True


def test_without_the_variable_there_is_one_database_and_no_router():
    assert "replica" not in settings.DATABASES
    assert not settings.DATABASE_ROUTERS
