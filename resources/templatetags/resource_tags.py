from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def hostname(url: str) -> str:
    """`www.example.org` for `https://www.example.org/page`: where a link leads."""
    return urlsplit(url or "").hostname or ""
