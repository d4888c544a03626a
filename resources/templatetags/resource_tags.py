from urllib.parse import urlsplit

from django import template

from resources.models import Resource

register = template.Library()


@register.inclusion_tag("resources/includes/organization_resources.html")
def related_resources(organization):
    """The published resources an organization offers, in one query."""
    resources = Resource.objects.published().offered_by(organization).select_related("category")
    return {"resources": resources.order_by("category__sort_order", "title")}


@register.filter
def hostname(url: str) -> str:
    """`www.example.org` for `https://www.example.org/page`: where a link leads."""
    return urlsplit(url or "").hostname or ""
