"""Result cards: each result's `includes/result.html` and map markers, rendered
once per change and kept.

A card is kept under what decides it: the organization (its own rows, phones
and places are fixed until the next change, whose version is in the key), the
services that matched, the county searched and whether it has an office there
(the reason it is listed), its distance as shown, the page's language and the
stale cut-off date. A page's results (`Result`) carry all of that, so a page
whose cards are kept loads no organization at all: at 10,000 listings loading
a county page's 20 organizations with their services, phones and places cost
more than half of its time.

Which services matched is the ids a keyword's search found, or else the
search's own query: its SQL and parameters, whose answer for one organization
is fixed until the next change too (no filter depends on the time of day).
Reading the ids of every card's services took a query of its own.
"""

import hashlib
from dataclasses import dataclass
from functools import partial

from django.db.models import QuerySet
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from core import page_cache
from organizations.models import Organization, Service
from organizations.models.search_results import Result, SearchResults
from organizations.prefetch import attach_terms
from organizations.structured_data import map_markers
from organizations.templatetags.directory_tags import about_miles
from organizations.verification import stale_cutoff

# The reference terms each service shows on a result card.
LISTING_TERMS = ("service_types", "languages", "counties")


@dataclass
class Card:
    pk: int
    is_local: bool | None
    html: SafeString
    markers: list[dict]


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


def card_name(result: Result, matching: str, county, cutoff: str) -> str:
    parts = (
        result.pk,
        matching if result.service_ids is None else result.service_ids,
        None if county is None else county.pk,
        result.is_local,
        None if result.distance is None else about_miles(result.distance),
        cutoff,
    )
    return f"card:{get_language()}:{hashlib.sha256(repr(parts).encode()).hexdigest()}"


def result_cards(results: list[Result], search: SearchResults, county) -> list[Card]:
    """The cards of `results` (a page of `search`) in their order: all kept ones in
    one cache read, and the organizations of the others loaded in one go and
    rendered."""
    cutoff = stale_cutoff().isoformat()
    matching = ""
    if any(result.service_ids is None for result in results):
        matching = hashlib.sha256(repr(search.services_statement).encode()).hexdigest()
    names = {result.pk: card_name(result, matching, county, cutoff) for result in results}
    by_name = {names[result.pk]: result for result in results}
    loaded: dict[int, Organization] = {}

    def load(missing: list[str]) -> None:
        unkept = [by_name[name] for name in missing]
        loaded.update(_organizations(unkept, search.services))

    def render(result: Result) -> tuple[str, list[dict]]:
        organization = loaded[result.pk]
        context = {"organization": organization, "reason": why_listed(organization, county)}
        html = get_template("organizations/includes/result.html").render(context)
        return html, map_markers([organization])

    kept = page_cache.many_until_change(
        {name: partial(render, result) for name, result in by_name.items()},
        prepare=load,
    )
    cards = []
    for result in results:
        html, markers = kept[names[result.pk]]
        # Rendered, hence escaped, by the template.
        cards.append(Card(result.pk, result.is_local, mark_safe(html), markers))  # noqa: S308
    return cards


def _organizations(results: list[Result], services: QuerySet) -> dict[int, Organization]:
    """The organizations of `results` with what their cards show: only the services
    that matched, with their terms."""
    if all(result.service_ids is not None for result in results):
        # Found by id: filtering by a keyword's `services` would search again.
        services = Service.objects.filter(
            pk__in=[pk for result in results for pk in result.service_ids or ()]
        )
    organizations = (
        Organization.objects.filter(pk__in=[result.pk for result in results])
        .for_listing(services=services)
        .in_bulk()
    )
    for result in results:
        organization = organizations[result.pk]
        organization.share_listed_phones()
        organization.distance = result.distance
        organization.is_local = result.is_local
    attach_terms(
        [service for item in organizations.values() for service in item.listed_services],
        LISTING_TERMS,
    )
    return organizations
