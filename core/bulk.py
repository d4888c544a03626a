"""Helpers for bulk loads, which bypass the per-row paths (signals, statistics)."""

from functools import partial

from django.db import connections, router, transaction
from django.db.models import Model


def analyze(*models: type[Model]) -> None:
    """Refresh PostgreSQL's planner statistics for the tables of `models`.

    A bulk load changes a table's size by orders of magnitude, and until
    autovacuum (off on some machines) notices, the planner keeps estimating
    from the old statistics: sequential scans and nested loops that turned
    searches of 10,000 listings from 0.1 s into 30 s. Many-to-many tables of
    the models are analyzed with them. Other databases need nothing.

    Once the load is committed the tables are vacuumed too: until then every
    row read for the first time has its hint bits written back, and no index
    scan can skip the table (no page is marked all-visible). At 100,000
    listings the first searches after a load ran into the 10 s statement
    timeout and answered 503. VACUUM cannot run inside a transaction, hence
    after the commit (at once outside a transaction).
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
        quoted = ", ".join(map(connection.ops.quote_name, sorted(names)))
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {quoted}")
        transaction.on_commit(partial(_vacuum, alias, quoted), using=alias)


def _vacuum(alias: str, quoted: str) -> None:
    with connections[alias].cursor() as cursor:
        cursor.execute(f"VACUUM {quoted}")
