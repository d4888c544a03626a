import hashlib
import json
from functools import partial

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, ngettext

from core import page_cache
from organizations.prefetch import attach_terms
from organizations.verification import stale_cutoff

register = template.Library()

# The reference terms each service shows on a result card.
LISTING_TERMS = ("service_types", "languages", "counties")

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


@register.simple_tag(takes_context=True)
def result_cards(context, organizations, county) -> list[tuple[object, str]]:
    """(organization, its card) for each result: `includes/result.html`, rendered
    once per change for the same card.

    A card shows the organization's own rows (the data version is in the
    key), the services that matched, its phones and places (their ids are:
    which rows a search loads may differ), the reason it is listed and its
    distance (their text is), in the page's language, stale or not as of
    today (the cut-off date is in the key too).
    """
    card = context.template.engine.get_template("organizations/includes/result.html")

    def render_card(organization, reason: str) -> str:
        with context.push(organization=organization, reason=reason):
            return card.render(context)

    cutoff = stale_cutoff().isoformat()
    names: dict[int, str] = {}
    compute = {}
    for organization in organizations:
        reason = why_listed(organization, county)
        distance = organization.distance
        parts = (
            organization.pk,
            [service.pk for service in organization.listed_services],
            [phone.pk for phone in organization.listed_phones],
            [location.pk for location in organization.locations.all()],
            reason,
            None if distance is None else about_miles(distance),
            cutoff,
        )
        name = f"card:{get_language()}:{hashlib.sha256(repr(parts).encode()).hexdigest()}"
        names[organization.pk] = name
        compute[name] = partial(render_card, organization, reason)

    def load_terms(missing: list[str]) -> None:
        """The services' types, languages and counties, only for cards not kept."""
        unkept = set(missing)
        attach_terms(
            [
                service
                for organization in organizations
                if names[organization.pk] in unkept
                for service in organization.listed_services
            ],
            LISTING_TERMS,
        )

    cards = page_cache.many_until_change(compute, prepare=load_terms)
    # Rendered, hence escaped, by the template.
    safe = {name: mark_safe(html) for name, html in cards.items()}  # noqa: S308
    return [(organization, safe[names[organization.pk]]) for organization in organizations]
