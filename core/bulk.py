"""Helpers for bulk loads, which bypass the per-row paths (signals, statistics)."""

from django.db import connections, router
from django.db.models import Model


def analyze(*models: type[Model]) -> None:
    """Refresh PostgreSQL's planner statistics for the tables of `models`.

    A bulk load changes a table's size by orders of magnitude, and until
    autovacuum (off on some machines) notices, the planner keeps estimating
    from the old statistics: sequential scans and nested loops that turned
    searches of 10,000 listings from 0.1 s into 30 s. Many-to-many tables of
    the models are analyzed with them. Other databases need nothing.
    """
    tables: dict[str, set[str]] = {}
    for model in models:
        alias = router.db_for_write(model)
        names = tables.setdefault(alias, set())
        names.add(model._meta.db_table)
        for field in model._meta.local_many_to_many:
            if (through := field.remote_field.through) is not None:
                names.add(through._meta.db_table)
    for alias, names in tables.items():
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(map(connection.ops.quote_name, sorted(names)))}")
