"""The stored search text of resources, kept in step with each resource and its category.

Building every resource's document during a search (both languages' bodies
through to_tsvector) cost about 9 ms of each keyword search, and the
directory's search asks the library too. On PostgreSQL it is stored on each
resource (`search_document`, GIN-indexed) and refreshed by the signals below,
as organizations/search_index.py does for services; loaded fixtures included,
since the starter library arrives that way. Other databases search the live
text and store nothing.
"""

from django.db import connections
from django.db.models import OuterRef, QuerySet, Subquery, TextField
from django.db.models.signals import post_save

from core.search import weighted_vector


def fields(search_fields: dict[str, str]) -> dict[str, str]:
    """The resource's searched fields, its category's name as the alias that
    `with_search_fields()` adds."""
    return {
        ("category_name" if name == "category__name" else name): weight
        for name, weight in search_fields.items()
    }


def with_search_fields(resources: QuerySet) -> QuerySet:
    """`resources` with the category's name as an alias: a subquery, not a join,
    so that an UPDATE can use it."""
    category = resources.model._meta.get_field("category").related_model
    names = category.objects.filter(pk=OuterRef("category_id")).values("name")
    return resources.alias(category_name=Subquery(names, output_field=TextField()))


def refresh(resources: QuerySet) -> int:
    """Recompute the stored search text of `resources` in one UPDATE."""
    if connections[resources.db].vendor != "postgresql":
        return 0
    from resources.models import SEARCH_FIELDS

    return with_search_fields(resources).update(
        search_document=weighted_vector(fields(SEARCH_FIELDS))
    )


def resource_saved(sender, instance, **kwargs):
    refresh(sender.objects.filter(pk=instance.pk))


def category_saved(sender, instance, **kwargs):
    from resources.models import Resource

    refresh(Resource.objects.filter(category_id=instance.pk))


def connect() -> None:
    from resources.models import Category, Resource

    post_save.connect(resource_saved, sender=Resource, dispatch_uid="resource-search-text")
    post_save.connect(category_saved, sender=Category, dispatch_uid="category-search-text")
