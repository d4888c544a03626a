"""Bulk loads leave PostgreSQL ready to plan and to skip the tables: analyzed, and
vacuumed once committed (core.bulk.analyze)."""

import pytest
from django.db import connection, transaction

from core.bulk import analyze
from organizations.models import Organization
from tests.factories import OrganizationFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


def all_visible_pages() -> int:
    """Pages of the organizations table marked all-visible, as ANALYZE and VACUUM
    record them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relallvisible FROM pg_class WHERE oid = 'organizations_organization'::regclass"
        )
        return cursor.fetchone()[0]


def test_a_bulk_load_is_vacuumed_once_committed(reference_data):
    with transaction.atomic():
        OrganizationFactory.create_batch(200)
        analyze(Organization)
        # Inside the load's transaction the statistics are fresh, but VACUUM must wait.
        assert all_visible_pages() == 0
    assert all_visible_pages() > 0
