"""Migrating a database of commit 001d01d to the newest code keeps every row.

tests/data/main-001d01d.json is such a database: reference fixtures, sample
data, the two roles and the rows sample data does not make (users in those
roles, a suggestion, history, a linked resource, admin log entries). Made at
001d01d with these commands, NEWER_CHECKOUT being a checkout that has this file:

    git worktree add /tmp/at-001d01d 001d01d && cd /tmp/at-001d01d && make install
    rm -f /tmp/migtest.sqlite3 && export DATABASE_URL=sqlite:////tmp/migtest.sqlite3 DJANGO_DEBUG=1
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py loaddata fixtures/*.json
    .venv/bin/python manage.py load_sample_data
    .venv/bin/python manage.py setup_roles
    .venv/bin/python manage.py shell < $NEWER_CHECKOUT/tests/data/main-001d01d-extras.py
    MODELS=$(.venv/bin/python manage.py shell -v0 -c "from django.apps import apps; print(*(
        m._meta.label for a in ('auth', 'organizations', 'resources')
        for m in apps.get_app_config(a).get_models(include_auto_created=True)))")
    .venv/bin/python manage.py dumpdata --indent 1 admin.logentry contenttypes $MODELS \\
        -o $NEWER_CHECKOUT/tests/data/main-001d01d.json

The many-to-many through models are named so that their rows keep their ids.
Sessions and django-axes' login records are left out: they are not the
directory's data. Content types and permissions are dumped only to translate
the ids that point at them: migrate makes them, so the test compares them by
natural key.
"""

import json
import sys
import uuid
from pathlib import Path

import pytest
from django.apps import apps as live_apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from tests.conftest import load_reference_data

DUMP = Path(__file__).parent / "data" / "main-001d01d.json"

# The project's apps at 001d01d and their leaf migration then. An app of the
# project not listed here did not exist yet and is unmigrated to zero; other
# apps (Django's, third-party) stay where they are, as a deploy of the project
# alone leaves them.
AT_DUMP = {
    "organizations": "0003_organization_publish_permission",
    "resources": "0001_initial",
}

# Where the rows of a model of 001d01d live in the newest code, by lower-case
# label as dumpdata writes it. A model not listed keeps its label. Moving a
# model also moves its content type (and so its permissions) to the new label.
MOVED: dict[str, str] = {
    "organizations.county": "core.county",
    "organizations.language": "core.language",
    "organizations.location_services": "organizations.serviceatlocation",
}

# Fields that a model of the newest code gains, with the value (as dumpdata
# writes it) each migrated row must have, computed from the row's dumped fields
# and every dumped row (`dumped[label][pk]` is a row's fields): a service at a
# location keeps the id that the HSDS API published for it before it had a row.
ADDED: dict[str, dict] = {
    "organizations.serviceatlocation": {
        "uuid": lambda row, dumped: str(
            uuid.uuid5(
                uuid.UUID(dumped["organizations.service"][row["service"]]["uuid"]),
                dumped["organizations.location"][row["location"]]["uuid"],
            )
        ),
    },
}

# Columns derived from a row's other fields, which migrations recompute: the
# search text (on PostgreSQL, with the Spanish text added in 0010; the dump was
# made on SQLite, where it stays empty).
RECOMPUTED: dict[str, set[str]] = {
    "organizations.service": {"search_document", "search_names"},
}

CONTENT_TYPE = "contenttypes.contenttype"
PERMISSION = "auth.permission"
MADE_BY_MIGRATE = (CONTENT_TYPE, PERMISSION)


@pytest.fixture(scope="module", autouse=True)
def _reference_data_reloaded(django_db_setup, django_db_blocker):
    """These tests empty the database, and pytest-django flushes it after each
    transactional test; the tests after them expect the session's reference data."""
    yield
    with django_db_blocker.unblock():
        load_reference_data()


def moved(keys: dict[str, dict[int, str]]) -> dict[str, dict[int, str]]:
    """Natural keys as named after the move: a moved model's content type and permissions."""

    def content_type(key):
        return MOVED.get(key, key)

    def permission(key):
        model, codename = key.rsplit(".", 1)
        return f"{content_type(model)}.{codename}"

    return {
        CONTENT_TYPE: {pk: content_type(key) for pk, key in keys[CONTENT_TYPE].items()},
        PERMISSION: {pk: permission(key) for pk, key in keys[PERMISSION].items()},
    }


def natural_keys(models) -> dict[str, dict[int, str]]:
    """Content type ids -> "app_label.model", permission ids -> "app_label.model.codename"."""
    content_types = {
        pk: f"{app_label}.{model}"
        for pk, app_label, model in models[CONTENT_TYPE].objects.values_list(
            "pk", "app_label", "model"
        )
    }
    permissions = {
        pk: f"{content_types[content_type]}.{codename}"
        for pk, content_type, codename in models[PERMISSION].objects.values_list(
            "pk", "content_type", "codename"
        )
    }
    return {CONTENT_TYPE: content_types, PERMISSION: permissions}


def dumped_natural_keys(dump) -> dict[str, dict[int, str]]:
    """The same for the dump's ids, as they were at 001d01d."""
    content_types = {
        row["pk"]: f"{row['fields']['app_label']}.{row['fields']['model']}"
        for row in dump
        if row["model"] == CONTENT_TYPE
    }
    permissions = {
        row["pk"]: f"{content_types[row['fields']['content_type']]}.{row['fields']['codename']}"
        for row in dump
        if row["model"] == PERMISSION
    }
    return {CONTENT_TYPE: content_types, PERMISSION: permissions}


def project_apps_added_since() -> list[str]:
    """Apps of the project (its own tree, not the virtualenv) unknown at 001d01d."""
    return [
        app.label
        for app in live_apps.get_app_configs()
        if Path(app.path).is_relative_to(settings.BASE_DIR)
        and not Path(app.path).is_relative_to(sys.prefix)
        and app.label not in AT_DUMP
    ]


def migrate_to_dump_state():
    """The schema, content types and permissions as today's `migrate` left them; no rows."""
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    added = project_apps_added_since()
    targets = [
        (app_label, AT_DUMP.get(app_label))
        if app_label in AT_DUMP or app_label in added
        else graph.leaf_nodes(app_label)[0]
        for app_label in executor.loader.migrated_apps
    ]
    plan = executor.migration_plan(targets)
    executor.migrate(targets, plan=plan)
    executor.loader.build_graph()
    state = executor.loader.project_state([target for target in targets if target[1]])
    # What migrate does after migrating: create the content types and
    # permissions of the models of that state.
    emit_post_migrate_signal(0, False, connection.alias, apps=state.apps, plan=plan)
    return state.apps


def load(dump, old_apps) -> None:
    """Insert every dumped row into the historical models of 001d01d, keeping its id."""
    dumped_keys = dumped_natural_keys(dump)
    ids_now = {
        label: {key: pk for pk, key in keys.items()}
        for label, keys in natural_keys(
            {label: old_apps.get_model(label) for label in MADE_BY_MIGRATE}
        ).items()
    }
    models = set()
    # Foreign keys are checked at commit (both databases create them deferred),
    # so rows can go in the dump's order.
    with transaction.atomic():
        for row in dump:
            if row["model"] in MADE_BY_MIGRATE:
                continue
            model = old_apps.get_model(row["model"])
            models.add(model)
            values = {}
            for name, value in row["fields"].items():
                field = model._meta.get_field(name)
                if field.many_to_many:
                    continue  # The through model's own rows, with their ids, make the links.
                if not field.is_relation:
                    values[field.attname] = field.to_python(value)
                elif value is None:
                    values[field.attname] = None
                else:
                    target = field.related_model._meta.label_lower
                    if target in MADE_BY_MIGRATE:
                        value = ids_now[target][dumped_keys[target][value]]
                    values[field.attname] = field.target_field.to_python(value)
            # raw, as loaddata saves: auto_now fields keep the dumped dates.
            model(pk=row["pk"], **values).save_base(raw=True, force_insert=True)
        # PostgreSQL's sequences do not see explicit ids: the next insert would collide.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), list(models)):
                cursor.execute(statement)


def check_links_dumped_as_rows(dump, old_apps) -> None:
    """Each many-to-many link of the dump must also be a row of its through model;
    a dump made without naming them would lose the links without a failure."""
    listed, rows = set(), set()
    for row in dump:
        model = old_apps.get_model(row["model"])
        for field in model._meta.many_to_many:
            through = field.remote_field.through._meta.label_lower
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            listed |= {
                (through, source, row["pk"], target, linked) for linked in row["fields"][field.name]
            }
        if model._meta.auto_created:
            source, target = (
                f.name for f in model._meta.get_fields() if f.many_to_one and f.concrete
            )
            rows.add((row["model"], source, row["fields"][source], target, row["fields"][target]))
    assert listed <= rows, f"links without their through row: {sorted(listed - rows)[:10]}"


def differences(dump, old_apps, keys_before) -> list[str]:
    """What the newest database lacks or has changed, one line each."""
    keys_now = natural_keys({label: live_apps.get_model(label) for label in MADE_BY_MIGRATE})
    found = [
        f"{label} {pk} was {keys_before[label][pk]}, is {keys_now[label].get(pk)}, not {key}"
        # Content types are renamed in place, so that permissions keep their ids.
        for label, keys in moved(keys_before).items()
        for pk, key in keys.items()
        if keys_now[label].get(pk) != key
    ]

    def named(field, value, keys):
        """Content type and permission ids differ between the two databases: what they name."""
        if field.is_relation and field.related_model._meta.label_lower in MADE_BY_MIGRATE:
            return None if value is None else keys[field.related_model._meta.label_lower][value]
        return value

    dumped_keys = moved(dumped_natural_keys(dump))
    dumped: dict[str, dict] = {}  # label -> {pk: fields}
    rows_per_label: dict[str, int] = {}
    for row in dump:
        if row["model"] not in MADE_BY_MIGRATE:
            dumped.setdefault(row["model"], {})[row["pk"]] = row["fields"]
    for label, rows in dumped.items():
        new_label = MOVED.get(label, label)
        rows_per_label[new_label] = rows_per_label.get(new_label, 0) + len(rows)
        old_fields = {
            name: old_apps.get_model(label)._meta.get_field(name)
            for name in next(iter(rows.values()))
        }
        # Links are compared as the through models' own rows.
        compared = [
            name
            for name, field in old_fields.items()
            if not field.many_to_many and name not in RECOMPUTED.get(new_label, set())
        ]
        added = ADDED.get(new_label, {})
        new_rows = live_apps.get_model(new_label)._base_manager.filter(pk__in=list(rows))
        now = {
            row["pk"]: row["fields"]
            for row in json.loads(
                serializers.serialize("json", new_rows, fields=[*compared, *added])
            )
        }
        for pk, fields in rows.items():
            if pk not in now:
                found.append(f"{label} {pk} is not in {new_label}")
                continue
            for name in compared:
                want = named(old_fields[name], fields[name], dumped_keys)
                have = named(old_fields[name], now[pk].get(name), keys_now)
                if want != have:
                    found.append(f"{label} {pk} {name} is {have!r}, not {want!r}")
            for name, value_for in added.items():
                want, have = value_for(fields, dumped), now[pk].get(name)
                if want != have:
                    found.append(f"{new_label} {pk} {name} is {have!r}, not {want!r}")

    for new_label, count in rows_per_label.items():
        have = live_apps.get_model(new_label)._base_manager.count()
        if have != count:
            found.append(f"{new_label} has {have} rows, not the {count} dumped")

    # The roles grant what they did, under the names the newest code uses.
    roles_now = {
        group.name: {keys_now[PERMISSION][permission.pk] for permission in group.permissions.all()}
        for group in live_apps.get_model("auth.group").objects.prefetch_related("permissions")
    }
    for fields in dumped["auth.group"].values():
        granted = {dumped_keys[PERMISSION][pk] for pk in fields["permissions"]}
        now_granted = roles_now.get(fields["name"], set())
        if granted != now_granted:
            found.append(
                f"group {fields['name']} lost {sorted(granted - now_granted)}, "
                f"gained {sorted(now_granted - granted)}"
            )
    return found


@pytest.mark.parametrize(
    "detour",
    [
        pytest.param(None, id="direct"),
        # Back through a real migration with the rows in, and forward again: proves
        # the harness on a migration even while the dump's state is the newest.
        pytest.param(("organizations", "0002_service_search_document"), id="via-0002"),
    ],
)
@pytest.mark.django_db(transaction=True)
def test_migrating_the_001d01d_database_keeps_every_row(detour):
    dump = json.loads(DUMP.read_text())
    try:
        old_apps = migrate_to_dump_state()
        check_links_dumped_as_rows(dump, old_apps)
        load(dump, old_apps)
        keys_before = natural_keys({label: old_apps.get_model(label) for label in MADE_BY_MIGRATE})
        if detour:
            call_command("migrate", *detour, verbosity=0, interactive=False)
        # What a deploy runs.
        call_command("migrate", verbosity=0, interactive=False)
        found = differences(dump, old_apps, keys_before)
        assert not found, f"{len(found)} differences:\n" + "\n".join(found[:40])
    finally:
        # Whatever failed, the tests after this one need the newest schema;
        # emptied first, in case the rows are what a migration choked on.
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        call_command("migrate", verbosity=0, interactive=False)
