import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import F, Func, OuterRef, Subquery, TextField

# A GIN index exists only on PostgreSQL; other databases search the live text.
INDEX = (
    "CREATE INDEX IF NOT EXISTS resources_resource_search_document_gin "
    "ON resources_resource USING gin (search_document)"
)
DROP_INDEX = "DROP INDEX IF EXISTS resources_resource_search_document_gin"
# The search text as defined when this migration was written; a copy, so that the
# migration does not change with the application's (resources/search_index.py
# keeps it current on every save since).
FIELDS = {
    "title_en": "A",
    "title_es": "A",
    "summary_en": "B",
    "summary_es": "B",
    "publisher": "C",
    "category_name": "C",
    "body_en": "D",
    "body_es": "D",
}


class Unaccent(Func):
    function = "unaccent"
    output_field = TextField()


def create_index_and_fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(INDEX)
    Resource = apps.get_model("resources", "Resource")
    Category = apps.get_model("resources", "Category")
    names = Category.objects.filter(pk=OuterRef("category_id")).values("name")
    document = None
    for name, weight in FIELDS.items():
        vector = SearchVector(Unaccent(F(name)), weight=weight, config="english")
        document = vector if document is None else document + vector
    Resource.objects.alias(
        category_name=Subquery(names, output_field=TextField())
    ).update(search_document=document)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_INDEX)


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0011_missing_translations_are_blank"),
    ]

    operations = [
        migrations.AddField(
            model_name="resource",
            name="search_document",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_index_and_fill, drop_index, elidable=False),
    ]
