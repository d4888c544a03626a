import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data) -> str:
    """A schema.org block. Browsers do not run it, so the CSP does not apply to it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.filter
def about_miles(distance) -> str:
    """ "about 4 miles", rounded, for a distance in miles."""
    if distance is None:
        return ""
    if distance < 1:
        return gettext("less than a mile away")
    miles = round(distance)
    return ngettext("about %(miles)d mile away", "about %(miles)d miles away", miles) % {
        "miles": miles
    }
