"""Reads from a PostgreSQL replica when DATABASE_REPLICA_URL names one.

Public pages only read; sending their queries to a streaming replica takes
them off the primary, which then serves the back office's writes. Inside a
transaction on the primary (a curator's save, a form's check after a write)
reads stay there, so nobody reads their own change from a replica that has
not replayed it yet. Migrations run on the primary only; the replica gets
them by replication.
"""

from django.db import connections

PRIMARY = "default"
REPLICA = "replica"


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same rows.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY
