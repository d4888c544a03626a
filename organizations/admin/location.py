"""Services, locations, phones and hours on pages of their own.

Curators edit them inline on the organization's page; these pages give each
record its history (with revert) and the location spreadsheet.
"""

from typing import Any

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.translation import in_every_language
from organizations.admin.forms import LocationForm
from organizations.admin.inlines import LocationInline, ServiceInline
from organizations.admin.spreadsheets import LocationResource, SpreadsheetAdminMixin
from organizations.admin.widgets import ReferenceAutocompleteMixin
from organizations.models import Location, Phone, Schedule, Service


@admin.register(Service)
class ServiceAdmin(ReferenceAutocompleteMixin, TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["name", "organization", "status", "is_statewide", "updated_at"]
    list_filter = ["status", "is_statewide", "service_types", "organization__status"]
    list_select_related = ["organization"]
    search_fields = [*in_every_language("name"), "organization__name"]
    autocomplete_fields = ["organization", *ServiceInline.autocomplete_fields]
    fieldsets = [(None, {"fields": ["organization"]}), *ServiceInline.fieldsets]


@admin.register(Location)
class LocationAdmin(
    SpreadsheetAdminMixin,
    ImportExportMixin,
    ReferenceAutocompleteMixin,
    TranslationAdmin,
    SimpleHistoryAdmin,
):
    form = LocationForm
    resource_classes = [LocationResource]
    list_display = ["__str__", "organization", "city", "zip_code", "county", "is_confidential"]
    list_filter = ["county", "is_confidential", "organization__status"]
    list_select_related = ["organization", "county"]
    search_fields = [*in_every_language("name"), "city", "zip_code", "organization__name"]
    autocomplete_fields = ["organization", "county"]
    fieldsets = [(None, {"fields": ["organization"]}), *LocationInline.fieldsets]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # A model choice field whose labels are replaced per instance.
        services: Any = form.base_fields.get("services")
        if services is not None:
            # Only the services of this location's own organization.
            services.queryset = (
                Service.objects.filter(organization=obj.organization_id)
                if obj
                else Service.objects.none()
            )
            services.label_from_instance = lambda service: service.name
            if obj is None:
                services.help_text = _("Save the location first, then choose its services.")
        return form


class _ListedOnOrganizationPage(SimpleHistoryAdmin):
    """Edited inline; registered for its history and revert pages only."""

    def has_module_permission(self, request):
        return False


@admin.register(Phone)
class PhoneAdmin(_ListedOnOrganizationPage):
    list_display = ["__str__", "kind", "organization"]
    list_select_related = ["organization"]
    fields = ["organization", "number", "extension", "kind", "description", "sort_order"]
    readonly_fields = ["organization"]


@admin.register(Schedule)
class ScheduleAdmin(_ListedOnOrganizationPage):
    list_display = ["location", "weekday", "opens_at", "closes_at"]
    list_select_related = ["location"]
    fields = ["location", "weekday", "opens_at", "closes_at", "note"]
    readonly_fields = ["location"]
