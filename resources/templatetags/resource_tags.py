from urllib.parse import urlsplit

from django import template

from cas_directory.search import clean_query
from resources.models import Resource

register = template.Library()
# How many matching resources the directory's search page lists before "see all".
LIBRARY_MATCHES_SHOWN = 3


@register.inclusion_tag("resources/includes/organization_resources.html")
def related_resources(organization):
    """The published resources an organization offers, in one query."""
    resources = Resource.objects.published().offered_by(organization).select_related("category")
    return {"resources": resources.order_by("category__sort_order", "title")}


@register.inclusion_tag("resources/includes/library_matches.html")
def library_matches(query):
    """Library resources matching the directory search's keyword, for its results page.

    Nothing is looked up for a blank query; otherwise one query (two on
    PostgreSQL, see keyword_search) whatever the number of matches.
    """
    query = clean_query(query)
    if not query:
        return {"resources": []}
    found = Resource.objects.published().matching_keyword(query).select_related("category")
    resources = list(found[: LIBRARY_MATCHES_SHOWN + 1])
    return {
        "resources": resources[:LIBRARY_MATCHES_SHOWN],
        "has_more": len(resources) > LIBRARY_MATCHES_SHOWN,
        "query": query,
    }


@register.filter
def hostname(url: str) -> str:
    """`www.example.org` for `https://www.example.org/page`: where a link leads."""
    return urlsplit(url or "").hostname or ""
