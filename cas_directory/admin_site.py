from functools import wraps

from django.contrib import admin
from django.db.models import F
from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cas_directory.admin_workflow import REVERIFY_AFTER_MONTHS, unverified_since
from cas_directory.publishing import Status
from organizations.models import County, Organization, Suggestion
from organizations.zip_codes import lookup_zip

# The dashboard lists this many of each; its links lead to the full lists.
DASHBOARD_ROWS = 10


def same_origin_referrer(view):
    """Let the browser say where a form was posted from.

    The site's policy is "no-referrer", under which browsers send `Origin: null`
    with every POST, and Django's CSRF check (rightly) refuses it. "same-origin"
    still tells no other site where a curator came from.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    return wrapper


class DirectoryAdminSite(admin.AdminSite):
    site_header = _("CAS Directory back office")
    site_title = _("CAS Directory back office")
    index_title = _("Listings and resources")

    def admin_view(self, view, cacheable=False):
        return super().admin_view(same_origin_referrer(view), cacheable)

    def login(self, request, extra_context=None):
        return same_origin_referrer(super().login)(request, extra_context)

    def get_urls(self):
        return [
            path("zip-code/", self.admin_view(zip_lookup), name="zip_lookup"),
            *super().get_urls(),
        ]

    def index(self, request, extra_context=None):
        return super().index(request, {**self.dashboard(request), **(extra_context or {})})

    def dashboard(self, request) -> dict:
        """What needs a curator's attention, for the people allowed to act on it."""
        context = {"reverify_after_months": REVERIFY_AFTER_MONTHS}
        if request.user.has_perm("organizations.view_organization"):
            due = Organization.objects.filter(
                unverified_since(REVERIFY_AFTER_MONTHS), status=Status.PUBLISHED
            )
            context["due_count"] = due.count()
            context["due_listings"] = due.order_by(
                F("last_verified_on").asc(nulls_first=True), "name"
            )[:DASHBOARD_ROWS]
        if request.user.has_perm("organizations.view_suggestion"):
            new = Suggestion.objects.filter(status=Suggestion.Status.NEW)
            context["suggestion_count"] = new.count()
            context["suggestions"] = new.select_related("organization").order_by("created_at")[
                :DASHBOARD_ROWS
            ]
        return context


@require_GET
def zip_lookup(request):
    """City, county and centre of a California ZIP code, for the location form."""
    place = lookup_zip(request.GET.get("code", ""))
    county = place and County.objects.filter(name=place.county_name).first()
    if not county:
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
