"""What the back office's index shows of listings, and the ZIP look-up behind the location form."""

from typing import cast

from django.contrib import admin
from django.db.models import F
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from core.admin_site import DirectoryAdminSite
from core.contributions import Section
from core.models import County
from organizations.models import Organization, Suggestion
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
_site.add_view("zip-code/", zip_lookup, "zip_lookup")
