"""What the back office's index shows of listings, and the ZIP look-up behind the location form."""

from typing import cast

from django.contrib import admin
from django.db.models import Exists, F, OuterRef
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from core.admin_site import DirectoryAdminSite
from core.contributions import Section
from core.models import County
from organizations.models import (
    Location,
    Organization,
    Service,
    Suggestion,
    VerificationRequest,
)
from organizations.verification import verify_after_days
from organizations.zip_codes import lookup_zip

# The dashboard lists this many of each; its links lead to the full lists.
DASHBOARD_ROWS = 10


def due_for_verification(request) -> Section | None:
    if not request.user.has_perm("organizations.view_organization"):
        return None
    due = Organization.objects.published().due_for_verification()
    return Section(
        "admin/organizations/dashboard/due_for_verification.html",
        {
            "verify_after_days": verify_after_days(),
            "due_count": due.count(),
            "due_listings": due.order_by(F("last_verified_on").asc(nulls_first=True), "name")[
                :DASHBOARD_ROWS
            ],
        },
    )


def verification_by_county(request) -> Section | None:
    """Due, sent, answered, changed, no answer and bounced this cycle, county by county."""
    if not request.user.has_perm("organizations.view_verificationrequest"):
        return None
    published = Organization.objects.published()
    this_cycle = VerificationRequest.objects.this_cycle()
    measures = {
        "due": published.due_for_verification(),
        "sent": published.with_requests(this_cycle),
        "answered": published.with_requests(this_cycle.answered()),
        "changed": published.with_requests(this_cycle.changed()),
        "no_answer": published.without_answer(),
        "bounced": published.with_requests(this_cycle.bounced()),
    }
    # One query: each measure, reused as it is, becomes a flag on each published listing.
    flagged = published.annotate(
        **{name: Exists(qs.filter(pk=OuterRef("pk"))) for name, qs in measures.items()}
    ).values("pk", *measures)
    members: dict[str, set[int]] = {name: set() for name in measures}
    for row in flagged:
        for name in measures:
            if row[name]:
                members[name].add(row["pk"])
    counties_of = counties_by_organization(published)
    rows: dict[str, dict[str, int]] = {}
    for name, organization_ids in members.items():
        for organization_id in organization_ids:
            for county_name in counties_of.get(organization_id, [str(_("Statewide only"))]):
                row = rows.setdefault(county_name, dict.fromkeys(measures, 0))
                row[name] += 1
    return Section(
        "admin/organizations/dashboard/verification_by_county.html",
        {
            "verification_rows": sorted(rows.items()),
            "verification_totals": {name: len(ids) for name, ids in members.items()},
            "no_answer_count": len(members["no_answer"]),
        },
    )


def counties_by_organization(organizations) -> dict[int, list[str]]:
    """Each organization's counties: named by a published service or holding a location."""
    found: dict[int, set[str]] = {}
    services = Service.objects.published().filter(organization__in=organizations)
    pairs = Service.counties.through.objects.filter(service__in=services).values_list(
        "service__organization_id", "county__name"
    )
    places = Location.objects.filter(organization__in=organizations).values_list(
        "organization_id", "county__name"
    )
    for organization_id, county_name in [*pairs, *places]:
        found.setdefault(organization_id, set()).add(county_name)
    return {pk: sorted(names) for pk, names in found.items()}


def open_suggestions(request) -> Section | None:
    if not request.user.has_perm("organizations.view_suggestion"):
        return None
    new = Suggestion.objects.filter(status=Suggestion.Status.NEW)
    return Section(
        "admin/organizations/dashboard/suggestions.html",
        {
            "suggestion_count": new.count(),
            "suggestions": new.select_related("organization").order_by("created_at")[
                :DASHBOARD_ROWS
            ],
        },
    )


@require_GET
def zip_lookup(request):
    """City, county and centre of a California ZIP code, for the location form."""
    place = lookup_zip(request.GET.get("code", ""))
    county = place and County.objects.filter(name=place.county_name).first()
    if not (place and county):
        return JsonResponse({"error": str(_("Not a California ZIP code."))}, status=404)
    return JsonResponse(
        {
            "zip_code": place.code,
            "city": place.city,
            "county": {"id": county.pk, "name": county.name},
            "latitude": f"{place.latitude:.6f}",
            "longitude": f"{place.longitude:.6f}",
        }
    )


# admin.site is the project's own site (core.apps.CoreAdminConfig.default_site), though its
# type names Django's.
_site = cast(DirectoryAdminSite, admin.site)
_site.add_dashboard_panel("due-for-verification", due_for_verification)
_site.add_dashboard_panel("open-suggestions", open_suggestions)
_site.add_dashboard_panel("verification-by-county", verification_by_county)
_site.add_view("zip-code/", zip_lookup, "zip_lookup")
