"""Writing tens of thousands of rows, and their history rows, in a few queries.

`bulk_create` and `bulk_update` on PostgreSQL send one statement per batch
with a placeholder per value (a SearchVectorField keeps Django from its UNNEST
form, `bulk_update` builds a CASE per field), and psycopg parses each such
statement in Python: 10,000 services took 7 s to insert and 5 s to stamp
(this machine, under load). On PostgreSQL these helpers stream the same values with `COPY` (into a
temporary table for updates) instead; on other databases they are the ORM's
bulk calls. Deletes skip the per-row signals (a history row written by its
own INSERT for each of 50,000 hours): callers write the history in bulk.
"""

from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, TypeVar

from django.conf import settings
from django.db import connections, router
from django.db.models import Field, Model
from django.utils import timezone
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

BATCH_SIZE = 1000
M = TypeVar("M", bound=Model)
HISTORY_FIELDS = ("history_date", "history_change_reason", "history_type", "history_user")
# Their values go to psycopg as they are: get_db_prep_save would return them unchanged.
PLAIN_TYPES = {
    "AutoField",
    "BigAutoField",
    "BooleanField",
    "CharField",
    "DateField",
    "ForeignKey",
    "IntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SmallIntegerField",
    "SlugField",
    "TextField",
    "TimeField",
    "URLField",
    "EmailField",
    "UUIDField",
}


def _postgresql(model: type[Model]):
    connection = connections[router.db_for_write(model)]
    return connection if connection.vendor == "postgresql" else None


def _value(field: Field, obj: Model, connection, *, add: bool) -> Any:
    value = field.pre_save(obj, True) if add else getattr(obj, field.attname)
    if field.get_internal_type() in PLAIN_TYPES:
        return value
    return field.get_db_prep_save(value, connection)


def _copy(cursor, table: str, fields: Sequence[Field], rows: Iterable[list]) -> None:
    quote = cursor.db.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    with cursor.cursor.copy(f"COPY {quote(table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _rows(fields: Sequence[Field], objs: Iterable[Model], connection, *, add: bool):
    for obj in objs:
        yield [_value(field, obj, connection, add=add) for field in fields]


@cache
def _layout(model: type[Model]) -> tuple[list[tuple[str, Field, Any]], dict[str, str]]:
    """Each concrete field with its attname and default (the field itself where
    the default is made anew each time), and each translated field's English twin."""
    english = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    twins = {name: build_localized_fieldname(name, english) for name in _translated(model)}
    fields = [
        (f.attname, f, f if callable(f.default) else f.get_default())
        for f in model._meta.concrete_fields
    ]
    return fields, twins


def build(model: type[M], **values: Any) -> M:
    """A new instance of `model` from attnames, in English, every other field at
    its default. Through Django's positional constructor: modeltranslation's
    keyword rewriting made 50,000 opening hours take seconds to instantiate."""
    fields, twins = _layout(model)
    for name, twin in twins.items():
        if name in values:
            values.setdefault(twin, values[name])
    args = []
    for attname, field, default in fields:
        if attname in values:
            args.append(values[attname])
        else:
            args.append(field.get_default() if default is field else default)
    return model(*args)


def create(model: type[Model], objs: Sequence[Model]) -> None:
    """Insert `objs` (new instances of `model`, a pk set or not) and give each its pk."""
    if not objs:
        return
    connection = _postgresql(model)
    if connection is None:
        model._default_manager.bulk_create(objs, batch_size=BATCH_SIZE)
        return
    meta = model._meta
    needing_pk = [obj for obj in objs if obj.pk is None]
    with connection.cursor() as cursor:
        if needing_pk:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(needing_pk)],
            )
            for obj, (pk,) in zip(needing_pk, cursor.fetchall(), strict=True):
                obj.pk = pk
        fields = meta.concrete_fields
        _copy(cursor, meta.db_table, fields, _rows(fields, objs, connection, add=True))
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias


def update(model: type[Model], objs: Sequence[Model], names: Sequence[str]) -> None:
    """Write the fields `names` of `objs` (rows of `model`), as `bulk_update` does."""
    if not objs:
        return
    connection = _postgresql(model)
    if connection is None:
        model._default_manager.bulk_update(
            objs, _with_translations(model, names), batch_size=BATCH_SIZE
        )
        return
    meta = model._meta
    by_name = {field.name: field for field in meta.concrete_fields}
    fields = [by_name[meta.pk.name], *(by_name[name] for name in _with_translations(model, names))]
    quote = connection.ops.quote_name
    table, staging = quote(meta.db_table), quote(f"import_{meta.db_table}")
    columns = ", ".join(quote(field.column) for field in fields)
    assignments = ", ".join(f"{quote(f.column)} = s.{quote(f.column)}" for f in fields[1:])
    pk = quote(meta.pk.column)
    # Only quoted names of the model's own table and columns go into these statements.
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE {staging} AS SELECT {columns} FROM {table} WITH NO DATA"  # noqa: S608
        )
        rows = _rows(fields, objs, connection, add=False)
        _copy(cursor, f"import_{meta.db_table}", fields, rows)
        cursor.execute(
            f"UPDATE {table} SET {assignments} FROM {staging} s WHERE {table}.{pk} = s.{pk}"  # noqa: S608
        )
        cursor.execute(f"DROP TABLE {staging}")


def _with_translations(model: type[Model], names: Sequence[str]) -> list[str]:
    """A translated field's English column with it: modeltranslation reads that one."""
    twins = _layout(model)[1]
    return [*names, *(twins[n] for n in names if n in twins and twins[n] not in names)]


def delete(model: type[Model], pks: Sequence[int]) -> None:
    """Delete rows by pk without signals; their many-to-many rows go first."""
    manager = model._default_manager
    for field in model._meta.local_many_to_many:
        # None only until the app registry is ready.
        if (through := field.remote_field.through) is None:
            continue
        column = field.m2m_field_name()
        for start in range(0, len(pks), BATCH_SIZE):
            chunk = pks[start : start + BATCH_SIZE]
            query = through._default_manager.filter(**{f"{column}__in": chunk})
            query._raw_delete(query.db)
    for start in range(0, len(pks), BATCH_SIZE):
        query = manager.filter(pk__in=pks[start : start + BATCH_SIZE])
        query._raw_delete(query.db)


def create_history(model: type[Model], objs: Sequence[Model], reason: str, kind: str) -> None:
    """One django-simple-history row per object, as its `bulk_history_create`
    makes them; `kind` is the history_type: "+" created, "~" changed, "-" deleted.
    On PostgreSQL the rows are copied straight from the objects' values: making
    50,000 historical instances first cost more than the rest of the import."""
    if not objs:
        return
    historical = model.history.model  # type: ignore[attr-defined]
    now = timezone.now()
    tracked = historical.tracked_fields
    connection = _postgresql(historical)
    if connection is None:
        rows = [
            historical(
                history_date=now,
                history_change_reason=reason,
                history_type=kind,
                **{field.attname: getattr(obj, field.attname) for field in tracked},
            )
            for obj in objs
        ]
        historical._default_manager.bulk_create(rows, batch_size=BATCH_SIZE)
        return
    # A translated field's own name reads its English twin (the import writes English).
    twins = _layout(model)[1]
    read = [(twins.get(f.attname, f.attname), f) for f in tracked]
    meta = historical._meta
    fields = [*tracked, *(meta.get_field(name) for name in HISTORY_FIELDS)]
    rows = []
    for obj in objs:
        values = obj.__dict__
        row = []
        for attname, field in read:
            value = values[attname]
            if field.get_internal_type() not in PLAIN_TYPES:
                value = field.get_db_prep_save(value, connection)
            row.append(value)
        rows.append([*row, now, reason, kind, None])
    with connection.cursor() as cursor:
        _copy(cursor, meta.db_table, fields, rows)


def _translated(model: type[Model]) -> set[str]:
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()
