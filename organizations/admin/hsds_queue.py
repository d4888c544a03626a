"""Curators' side of HSDS imports: the taxonomy mapping table and the
possible-duplicate queue (merge into the existing listing, or keep both)."""

import copy

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from organizations.hsds.imports.validate import kind_of
from organizations.hsds.imports.write import Importer
from organizations.models import PossibleDuplicate, TaxonomyMapping


@admin.register(TaxonomyMapping)
class TaxonomyMappingAdmin(admin.ModelAdmin):
    list_display = ["taxonomy", "code", "name", "service_type", "population"]
    search_fields = ["taxonomy", "code", "name"]
    autocomplete_fields = ["service_type", "population"]


def _onto(record: dict, organization_uuid: str) -> dict:
    """The record, with its organization taken to be the existing listing."""
    merged = copy.deepcopy(record)
    kind = kind_of(merged)
    if kind == "organization":
        merged["id"] = organization_uuid
        for service in merged.get("services") or []:
            service["organization_id"] = organization_uuid
        return merged
    service = merged["service"] if kind == "service_at_location" else merged
    if isinstance(service.get("organization"), dict):
        service["organization"]["id"] = organization_uuid
    service["organization_id"] = organization_uuid
    return merged


@admin.register(PossibleDuplicate)
class PossibleDuplicateAdmin(admin.ModelAdmin):
    list_display = ["name", "existing", "reason", "status", "created_at"]
    list_filter = ["status"]
    readonly_fields = ["existing", "name", "reason", "record", "status", "created_at"]
    actions = ["merge", "keep_both"]

    def has_add_permission(self, request):
        return False

    def _resolve(self, request, queryset, status, record_for):
        done = 0
        for duplicate in queryset.pending():
            report = Importer(check_duplicates=False, source="the possible-duplicate queue").run(
                [record_for(duplicate)]
            )
            if not report.written:
                messages.error(request, f"{duplicate.name}: {'; '.join(report.lines())}")
                continue
            duplicate.status = status
            duplicate.save(update_fields=["status"])
            done += 1
        messages.success(request, _("%(count)d resolved.") % {"count": done})

    @admin.action(description=_("Merge into the existing listing"), permissions=["change"])
    def merge(self, request, queryset):
        self._resolve(
            request,
            queryset,
            PossibleDuplicate.Status.MERGED,
            lambda d: _onto(d.record, str(d.existing.uuid)),
        )

    @admin.action(
        description=_("Keep both listings (import as a new draft)"), permissions=["change"]
    )
    def keep_both(self, request, queryset):
        self._resolve(request, queryset, PossibleDuplicate.Status.KEPT_BOTH, lambda d: d.record)
