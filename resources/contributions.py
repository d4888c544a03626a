"""What the library adds to the directory's pages (see core.contributions)."""

from core.contributions import Section
from resources.models import Resource

# How many matching resources the directory's search page lists before "see all".
LIBRARY_MATCHES_SHOWN = 3


def library_matches(query: str) -> Section | None:
    """Library resources matching the directory search's keyword: one query,
    whatever the number of matches."""
    found = Resource.objects.published().matching_keyword(query).select_related("category")
    resources = list(found[: LIBRARY_MATCHES_SHOWN + 1])
    if not resources:
        return None
    return Section(
        "resources/includes/library_matches.html",
        {
            "resources": resources[:LIBRARY_MATCHES_SHOWN],
            "has_more": len(resources) > LIBRARY_MATCHES_SHOWN,
            "query": query,
        },
    )


def offered_resources(organization) -> Section | None:
    """The published resources an organization offers, in one query."""
    resources = list(
        Resource.objects.published()
        .offered_by(organization)
        .select_related("category")
        .order_by("category__sort_order", "title")
    )
    if not resources:
        return None
    return Section("resources/includes/organization_resources.html", {"resources": resources})
