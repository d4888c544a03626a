"""Writing and removing the sample directory's rows fast: COPY on PostgreSQL, bulk_create elsewhere.

`bulk_create()` spends most of a 100,000-listing build preparing each value
of each row in Python and building INSERT statements; COPY streams the
values as they are. The rows' ids are taken from each table's own sequence
before they are written (`IdBlock`), so that rows can point to each other
without reading anything back. Nothing here sends signals or fills the
search text: the caller does that once, in bulk.
"""

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connections, router, transaction
from django.db.models import DateTimeField, Max, Model
from django.test import override_settings
from django.utils import timezone, translation
from modeltranslation.settings import DEFAULT_LANGUAGE

from organizations.models import Location, Organization, Phone, Schedule, Service, ServiceAtLocation

# Ids asked from a sequence at a time: one round trip per 10,000 rows.
ID_BLOCK = 10_000


def lift_statement_timeout() -> None:
    """No statement timeout for the rest of this transaction (PostgreSQL).

    The site's timeout guards requests; one statement of a bulk load of
    100,000 listings (the search text's UPDATE, the old rows' DELETE) runs
    longer, and is no request.
    """
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 0")


def remove_samples() -> None:
    """Delete every sample listing, fast and without history.

    The rows the generator makes in bulk go in one DELETE a table; what
    anyone added to a sample listing since (a request, a suggestion) goes
    with it through the ordinary cascade. Sample listings were never real:
    their deletion is not kept in the change history, which would otherwise
    write one record per row, 500 s for 10,000 listings.
    """
    services = Service.objects.filter(organization__is_sample=True)
    locations = Location.objects.filter(organization__is_sample=True)
    leaves = [
        Schedule.objects.filter(location__in=locations),
        ServiceAtLocation.objects.filter(service__in=services),
        Phone.objects.filter(organization__is_sample=True),
        *(
            Service._meta.get_field(name).remote_field.through.objects.filter(  # type: ignore[union-attr]
                service__in=services
            )
            for name in ("service_types", "populations", "languages", "counties")
        ),
    ]
    for rows in leaves:
        rows._raw_delete(rows.db)
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        Organization.objects.filter(is_sample=True).delete()


def _is_postgresql(model: type[Model]) -> bool:
    return connections[router.db_for_write(model)].vendor == "postgresql"


class IdBlock:
    """Ids for new rows of `model`, handed out in order before the rows exist.

    On PostgreSQL they come from the table's sequence (nextval is safe beside
    other writers; unused ones are gaps, as after a rollback). Elsewhere
    (SQLite, one writer at a time) they follow the largest id in the table.
    """

    def __init__(self, model: type[Model]):
        self.model = model
        self.free: list[int] = []
        self.last: int | None = None

    def next(self) -> int:
        if not self.free:
            self.free = self._reserve()
        return self.free.pop()

    def _reserve(self) -> list[int]:
        connection = connections[router.db_for_write(self.model)]
        table = self.model._meta.db_table
        pk = self.model._meta.pk.column
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [table, pk, ID_BLOCK],
                )
                ids = [row[0] for row in cursor.fetchall()]
            else:
                if self.last is None:
                    self.last = self.model._default_manager.aggregate(last=Max("pk"))["last"] or 0
                ids = list(range(self.last + 1, self.last + 1 + ID_BLOCK))
                self.last += ID_BLOCK
        ids.reverse()
        return ids


def write_instances(instances: Sequence[Model]) -> None:
    """Insert unsaved `instances` of one model, giving each an id first if it has none."""
    if not instances:
        return
    model = type(instances[0])
    ids = IdBlock(model)
    for instance in instances:
        if instance.pk is None:
            instance.pk = ids.next()
    if not _is_postgresql(model):
        # bulk_create() reads a translated field's own column in the active language.
        with translation.override(DEFAULT_LANGUAGE):
            model._default_manager.bulk_create(instances, batch_size=1000)
        return
    now = timezone.now()
    fields = model._meta.concrete_fields
    names = {field.attname for field in fields}
    readers = []
    for field in fields:
        if isinstance(field, DateTimeField) and (field.auto_now or field.auto_now_add):
            readers.append(lambda instance, now=now: now)
        elif f"{field.attname}_{DEFAULT_LANGUAGE}" in names:
            # A translated field's own column holds the default language's text,
            # whatever language is active while the rows are made.
            readers.append(
                lambda instance, name=f"{field.attname}_{DEFAULT_LANGUAGE}": (
                    instance.__dict__[name] or ""
                )
            )
        else:
            readers.append(lambda instance, name=field.attname: instance.__dict__[name])
    _copy(
        model,
        [field.column for field in fields],
        ([read(instance) for read in readers] for instance in instances),
    )


def write_rows(model: type[Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Insert plain `rows` of `model`: values in the order of `columns` (attribute
    names). A `uuid` column, if the model has one, is filled for each row."""
    has_uuid = any(field.attname == "uuid" for field in model._meta.concrete_fields)
    if not _is_postgresql(model):
        model._default_manager.bulk_create(
            [model(**dict(zip(columns, row, strict=True))) for row in rows], batch_size=2000
        )
        return
    names = [*columns, "uuid"] if has_uuid else list(columns)
    column_of = {field.attname: field.column for field in model._meta.concrete_fields}
    _copy(
        model,
        [column_of[name] for name in names],
        ([*row, uuid.uuid4()] if has_uuid else row for row in rows),
    )


def _copy(model: type[Model], columns: list[str], rows: Iterable[Sequence[Any]]) -> None:
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    statement = f"COPY {quote(model._meta.db_table)} ({', '.join(map(quote, columns))}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)
