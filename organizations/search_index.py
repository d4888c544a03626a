"""The stored search text of services, and keeping it in step with its sources.

A service is found by its own text, its types and its organization's names
and description. Building that document on the fly costs about 0.7 s per
search over 25,000 services on PostgreSQL, so it is stored on each service
(`search_document`, `search_names`, both GIN-indexed) and refreshed by the
signals below whenever one of its sources is saved. Other databases search
the live text instead and store nothing.
"""

from django.db import connections
from django.db.models import OuterRef, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat

from core.search import JoinedText, Unaccent, keyword_search, weighted_vector
from core.translation import in_every_language

FIELDS = {
    "organization_name": "A",
    "organization_alternate_name": "A",
    **dict.fromkeys(in_every_language("name"), "B"),
    "type_names": "B",
    **dict.fromkeys(in_every_language("description"), "C"),
    **dict.fromkeys(in_every_language("eligibility"), "D"),
    **dict.fromkeys(in_every_language("organization_description"), "D"),
}
# Short fields where a misspelt query should still match.
NAMES = [
    "organization_name",
    "organization_alternate_name",
    *in_every_language("name"),
    "type_names",
]


def with_search_fields(services: QuerySet) -> QuerySet:
    """`services` with each searched text as an alias.

    Subqueries rather than joins, so that the same aliases serve an UPDATE;
    related models are looked up from the queryset's model so that migrations
    can use this with their historical models.
    """
    model = services.model
    organization_model = model._meta.get_field("organization").related_model
    type_model = model._meta.get_field("service_types").related_model
    organization = organization_model.objects.filter(pk=OuterRef("organization_id"))
    type_names = (
        type_model.objects.filter(services=OuterRef("pk"))
        .order_by()
        .values("services")
        .annotate(text=JoinedText(Concat("name", Value(" "), "name_es")))
        .values("text")
    )
    return services.alias(
        **{
            f"organization_{name}": Subquery(organization.values(name), output_field=TextField())
            for name in ("name", "alternate_name", *in_every_language("description"))
        },
        type_names=Subquery(type_names, output_field=TextField()),
    )


def search_services(services: QuerySet, query: str | None) -> QuerySet:
    stored = connections[services.db].vendor == "postgresql"
    return keyword_search(
        services if stored else with_search_fields(services),
        query,
        fields=FIELDS,
        fuzzy=NAMES,
        document="search_document" if stored else None,
        names="search_names" if stored else None,
    )


def refresh(services: QuerySet) -> int:
    """Recompute the stored search text of `services` in one UPDATE."""
    if connections[services.db].vendor != "postgresql":
        return 0
    parts = []
    for name in NAMES:
        parts += [Coalesce(name, Value(""), output_field=TextField()), Value(" ")]
    return with_search_fields(services).update(
        search_document=weighted_vector(FIELDS),
        search_names=Unaccent(Concat(*parts[:-1], output_field=TextField())),
    )
