from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, Value, prefetch_related_objects
from django.db.models.functions import Replace
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin_workflow import WorkflowAdminMixin
from core.models import County
from organizations.admin.filters import (
    CountyFilter,
    PopulationFilter,
    ServiceTypeFilter,
    VerificationAgeFilter,
)
from organizations.admin.history import related_changes
from organizations.admin.inlines import LocationInline, PhoneInline, ServiceInline
from organizations.admin.spreadsheets import OrganizationResource, SpreadsheetAdminMixin
from organizations.models import Organization, Phone, Service, Suggestion
from organizations.validators import phone_digits

# Shown as "Fresno, Kern, Kings and 4 more" past this many.
COUNTIES_SHOWN = 3


def _digits_only(expression):
    """The number with the separators phone validation allows taken out."""
    for separator in (" ", "-", "(", ")", ".", "+"):
        expression = Replace(expression, Value(separator), Value(""))
    return expression


class OrganizationChangeList(ChangeList):
    def get_results(self, request):
        super().get_results(request)
        # Only the rows on this page need their counties, in two queries.
        self.result_list = list(self.result_list)
        prefetch_related_objects(
            self.result_list,
            Prefetch(
                "services",
                queryset=Service.objects.only("pk", "organization_id", "is_statewide")
                .prefetch_related(Prefetch("counties", queryset=County.objects.only("name")))
                .order_by(),
                to_attr="listed_services",
            ),
        )


@admin.register(Organization)
class OrganizationAdmin(
    WorkflowAdminMixin,
    SpreadsheetAdminMixin,
    ImportExportMixin,
    TranslationAdmin,
    SimpleHistoryAdmin,
):
    resource_classes = [OrganizationResource]
    list_display = ["name", "status", "counties_served", "last_verified", "is_sample"]
    list_filter = [
        "status",
        CountyFilter,
        ServiceTypeFilter,
        PopulationFilter,
        VerificationAgeFilter,
        "is_sample",
    ]
    list_per_page = 50
    search_fields = ["name", "alternate_name", "slug", "locations__city"]
    search_help_text = _("Search by name, city or phone number.")
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["verified_by", "verified_via", "open_suggestions"]
    # Django 6 makes https the default scheme; ask for it now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [PhoneInline, ServiceInline, LocationInline]
    object_history_template = "admin/organizations/organization/object_history.html"
    fieldsets = [
        (None, {"fields": [("name", "status"), "alternate_name", "slug", "is_sample"]}),
        (_("Description"), {"fields": ["description"]}),
        (_("Contact"), {"fields": [("website", "email")]}),
        (
            _("Verification"),
            {
                "fields": [
                    ("last_verified_on", "verified_by", "verified_via"),
                    ("verification_email", "verification_language"),
                    "open_suggestions",
                ],
                "description": _(
                    "Call or email the organization to check this listing, then press "
                    "“Save and mark verified today”."
                ),
            },
        ),
    ]

    class Media:
        css = {"all": ["admin-extra/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("verified_by")

    def get_changelist(self, request, **kwargs):
        return OrganizationChangeList

    def view_on_site(self, obj):
        # A draft or archived listing has no public page to link to.
        return obj.get_absolute_url() if obj.is_published else None

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        digits = phone_digits(search_term)
        if len(digits) >= 4 and not any(c.isalpha() for c in search_term):
            phones = Phone.objects.annotate(digits=_digits_only("number")).filter(
                organization=OuterRef("pk"), digits__contains=digits
            )
            results = queryset.filter(Q(pk__in=results.values("pk")) | Q(Exists(phones)))
            may_have_duplicates = False
        return results, may_have_duplicates

    @admin.display(description=_("counties"))
    def counties_served(self, obj):
        services = getattr(obj, "listed_services", [])
        if any(service.is_statewide for service in services):
            return _("Statewide")
        names = sorted({county.name for service in services for county in service.counties.all()})
        if len(names) > COUNTIES_SHOWN:
            return _("%(first)s and %(count)d more") % {
                "first": ", ".join(names[:COUNTIES_SHOWN]),
                "count": len(names) - COUNTIES_SHOWN,
            }
        return ", ".join(names) or "—"

    @admin.display(description=_("last verified"), ordering="last_verified_on")
    def last_verified(self, obj):
        if obj.last_verified_on is None:
            return format_html('<span class="verification-due">{}</span>', _("Never"))
        css = "verification-due" if obj.is_due_for_verification else "verification-ok"
        return format_html('<span class="{}">{}</span>', css, date_format(obj.last_verified_on))

    @admin.display(description=_("suggested corrections"))
    def open_suggestions(self, obj):
        waiting = list(obj.suggestions.filter(status=Suggestion.Status.NEW).order_by("created_at"))
        if not waiting:
            return _("None waiting.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({})</li>',
                (
                    (
                        reverse("admin:organizations_suggestion_change", args=[s.pk]),
                        Truncator(s.message).chars(80),
                        date_format(timezone.localtime(s.created_at)),
                    )
                    for s in waiting
                ),
            ),
        )

    def history_view(self, request, object_id, extra_context=None):
        try:
            pk = Organization._meta.pk.to_python(unquote(object_id))
        except ValidationError:
            raise Http404 from None
        extra_context = {**(extra_context or {}), "related_changes": related_changes(pk)}
        return super().history_view(request, object_id, extra_context)
