"""CSV export and import of listings (django-import-export).

An import is previewed first: every row shows whether it creates, changes or
leaves a record alone, and every bad row says why. Nothing is written unless
every row is valid, and the confirmation step is all-or-nothing as well.
Rows are matched by `uuid`, so exporting and importing the same file changes
nothing; a row with an empty `uuid` is a new record.
"""

from typing import TYPE_CHECKING

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources
from import_export import forms as import_forms
from import_export.formats.base_formats import CSV

from core.admin_workflow import publish_permission
from core.bulk import analyze
from organizations.admin.spreadsheet_columns import (
    ConfidentialField,
    CoordinateWidget,
    CountyWidget,
    KeepIfBlankField,
    OrganizationSlugWidget,
    PhonesField,
    PhonesWidget,
    StrictBooleanWidget,
    UUIDWidget,
    save_organization_phones,
)
from organizations.models import Location, Organization, Phone


class ExportForm(import_forms.SelectableFieldsExportForm):
    @property
    def media(self):
        return super().media + forms.Media(js=["admin-extra/export-toggle.js"])


PREVIEW_MEDIA = forms.Media(css={"all": ["admin-extra/import-preview.css"]})


class ImportForm(import_forms.ImportForm):
    @property
    def media(self):
        return super().media + PREVIEW_MEDIA


class ConfirmImportForm(import_forms.ConfirmImportForm):
    media = PREVIEW_MEDIA


# Only ever mixed in before ImportExportMixin (on a ModelAdmin), whose methods it overrides.
if TYPE_CHECKING:
    from import_export.admin import ImportExportMixin as _ImportExportAdmin
else:
    _ImportExportAdmin = object


class SpreadsheetAdminMixin(_ImportExportAdmin):
    """CSV only, UTF-8 (with the byte-order mark Excel needs), all-or-nothing."""

    export_form_class = ExportForm
    import_form_class = ImportForm
    confirm_form_class = ConfirmImportForm
    import_formats = [CSV]
    export_formats = [CSV]
    from_encoding = "utf-8-sig"
    to_encoding = "utf-8-sig"

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        # A row that became invalid between preview and confirmation (say,
        # someone took its slug meanwhile) must undo the whole import.
        kwargs["rollback_on_validation_errors"] = True
        return kwargs

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            self.message_user(
                request,
                _(
                    "Nothing was imported: some rows are no longer valid (the listings "
                    "changed since the preview). Import the file again to see why."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(
                reverse(
                    "admin:{}_{}_import".format(*self.get_model_info()),
                    current_app=self.admin_site.name,
                )
            )
        return super().process_result(result, request)

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, UnicodeDecodeError):
            form.add_error(
                "import_file",
                _(
                    "This file is not UTF-8 text, so accented letters would be garbled. "
                    "In Excel choose “CSV UTF-8 (Comma delimited)” when saving, then "
                    "import it again."
                ),
            )
        else:
            super().add_data_read_fail_error_to_form(form, e)


class _ListingResource(resources.ModelResource):
    uuid = KeepIfBlankField(attribute="uuid", column_name="uuid", widget=UUIDWidget())

    class Meta:
        import_id_fields = ["uuid"]
        # Model validation per row, so that every problem shows in the preview.
        clean_model_instances = True
        # Unchanged rows are reported but not saved: no history entry, no update.
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def before_import(self, dataset, **kwargs):
        # A sheet of new records may leave out the id column altogether.
        if "uuid" not in (dataset.headers or []):
            dataset.append_col([""] * len(dataset), header="uuid")
        super().before_import(dataset, **kwargs)

    def before_save_instance(self, instance, row, **kwargs):
        instance._change_reason = str(_("CSV import"))
        super().before_save_instance(instance, row, **kwargs)

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        # A sheet can double a table; the planner should know before the next search.
        if not kwargs.get("dry_run"):
            analyze(self._meta.model, Phone)


class OrganizationResource(_ListingResource):
    status = KeepIfBlankField(attribute="status", column_name="status")
    phones = PhonesField(attribute="phones", column_name="phones", widget=PhonesWidget())
    verified_by = fields.Field(
        attribute="verified_by__username", column_name="verified_by", readonly=True
    )
    is_sample = fields.Field(
        attribute="is_sample", column_name="is_sample", widget=StrictBooleanWidget()
    )

    class Meta(_ListingResource.Meta):
        model = Organization
        fields = [
            "uuid",
            "name",
            "alternate_name",
            "slug",
            "status",
            "description",
            "description_es",
            "website",
            "email",
            "phones",
            "last_verified_on",
            "verified_by",
            "is_sample",
        ]
        export_order = fields

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("verified_by").prefetch_related(
            Prefetch(
                "phones",
                queryset=Phone.objects.organization_level(),
                to_attr="organization_phones",
            )
        )

    def import_instance(self, instance, row, **kwargs):
        status_before = instance.status
        verified_before = instance.last_verified_on
        super().import_instance(instance, row, **kwargs)
        if not instance.slug and instance.name:
            instance.slug = slugify(instance.name)[
                : Organization._meta.get_field("slug").max_length
            ]
        user = kwargs.get("user")
        if instance.status != status_before and not (
            user and user.has_perm(publish_permission(Organization))
        ):
            raise ValidationError(
                {"status": _("Only an editor-in-chief can publish or archive a listing.")}
            )
        if instance.last_verified_on != verified_before:
            instance.verified_by = user if instance.last_verified_on else None

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        if hasattr(instance, "_imported_phones"):
            save_organization_phones(instance, instance._imported_phones)


class LocationResource(_ListingResource):
    organization = fields.Field(
        attribute="organization", column_name="organization", widget=OrganizationSlugWidget()
    )
    county = fields.Field(attribute="county", column_name="county", widget=CountyWidget())
    address_1 = ConfidentialField(attribute="address_1", column_name="address_1")
    address_2 = ConfidentialField(attribute="address_2", column_name="address_2")
    latitude = ConfidentialField(
        attribute="latitude", column_name="latitude", widget=CoordinateWidget()
    )
    longitude = ConfidentialField(
        attribute="longitude", column_name="longitude", widget=CoordinateWidget()
    )
    is_confidential = fields.Field(
        attribute="is_confidential", column_name="is_confidential", widget=StrictBooleanWidget()
    )

    class Meta(_ListingResource.Meta):
        model = Location
        fields = ["uuid", "organization", *Location.WRITABLE_FIELDS]
        export_order = fields

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("organization", "county")

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        instance._was_confidential = not new and instance.is_confidential
