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


@register.simple_tag
def why_listed(organization, county) -> str:
    """Why a result is on a county's list: where its office is, or how it serves from afar.

    Reads only what `for_listing()` loaded (locations with their county, the
    matching services).
    """
    if county is None:
        return ""
    if organization.is_local:
        cities = sorted(
            {
                location.city
                for location in organization.locations.all()
                if location.county_id == county.pk and not location.is_confidential
            }
        )
        return gettext("Office in %(places)s") % {"places": ", ".join(cities)}
    services = organization.listed_services
    statewide = any(service.is_statewide for service in services)
    remote = any(service.is_remote for service in services)
    if statewide and remote:
        return gettext("Serves all of California by phone or online")
    if statewide:
        return gettext("Serves all of California")
    if remote:
        return gettext("Serves %(county)s County by phone or online") % {"county": county.name}
    return gettext("Serves %(county)s County from another county") % {"county": county.name}
