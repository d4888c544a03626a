import django.contrib.postgres.search
from django.db import migrations, models

# GIN indexes exist only on PostgreSQL; other databases search the live text.
INDEXES = [
    "CREATE INDEX IF NOT EXISTS organizations_service_search_document_gin "
    "ON organizations_service USING gin (search_document)",
    "CREATE INDEX IF NOT EXISTS organizations_service_search_names_trgm "
    "ON organizations_service USING gin (search_names gin_trgm_ops)",
]
DROP_INDEXES = [
    "DROP INDEX IF EXISTS organizations_service_search_document_gin",
    "DROP INDEX IF EXISTS organizations_service_search_names_trgm",
]


def create_indexes_and_fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in INDEXES:
        schema_editor.execute(statement)
    from organizations import search_index

    search_index.refresh(apps.get_model("organizations", "Service").objects.all())


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in DROP_INDEXES:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="service",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="service",
            name="search_names",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(create_indexes_and_fill, drop_indexes, elidable=False),
    ]
