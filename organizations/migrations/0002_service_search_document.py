import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models
from django.db.models import F, Func, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat

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
# The search text as it was defined when this migration was written; a copy,
# so that the migration does not change when the application's search does
# (organizations/search_index.py keeps it current on every save since).
FIELDS = {
    "organization_name": "A",
    "organization_alternate_name": "A",
    "name": "B",
    "type_names": "B",
    "description": "C",
    "description_es": "C",
    "eligibility": "D",
    "organization_description": "D",
    "organization_description_es": "D",
}
NAMES = ["organization_name", "organization_alternate_name", "name", "type_names"]


class Unaccent(Func):
    function = "unaccent"
    output_field = TextField()


class JoinedText(models.Aggregate):
    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ' ')"
    output_field = TextField()


def fill_search_text(Service):
    Organization = Service._meta.get_field("organization").related_model
    ServiceType = Service._meta.get_field("service_types").related_model
    organization = Organization.objects.filter(pk=OuterRef("organization_id"))
    type_names = (
        ServiceType.objects.filter(services=OuterRef("pk"))
        .order_by()
        .values("services")
        .annotate(text=JoinedText(Concat("name", Value(" "), "name_es")))
        .values("text")
    )
    services = Service.objects.alias(
        **{
            f"organization_{name}": Subquery(organization.values(name), output_field=TextField())
            for name in ("name", "alternate_name", "description", "description_es")
        },
        type_names=Subquery(type_names, output_field=TextField()),
    )
    document = None
    for name, weight in FIELDS.items():
        vector = SearchVector(Unaccent(F(name)), weight=weight, config="english")
        document = vector if document is None else document + vector
    parts = []
    for name in NAMES:
        parts += [Coalesce(name, Value(""), output_field=TextField()), Value(" ")]
    services.update(
        search_document=document,
        search_names=Unaccent(Concat(*parts[:-1], output_field=TextField())),
    )


def create_indexes_and_fill(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in INDEXES:
        schema_editor.execute(statement)
    fill_search_text(apps.get_model("organizations", "Service"))


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
