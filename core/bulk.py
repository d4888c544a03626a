"""Helpers for bulk loads."""

from django.db import connection
from django.db.models import Model


def analyze(*models: type[Model]) -> None:
    """Refresh the planner's statistics for `models`' tables (and their
    many-to-many tables) after a bulk load: PostgreSQL without autovacuum
    plans a freshly filled table as if it were empty."""
    if connection.vendor != "postgresql":
        return
    tables = []
    for model in models:
        tables.append(model._meta.db_table)
        tables += [
            field.remote_field.through._meta.db_table
            for field in model._meta.local_many_to_many
            if field.remote_field.through is not None
        ]
    with connection.cursor() as cursor:
        for table in dict.fromkeys(tables):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
