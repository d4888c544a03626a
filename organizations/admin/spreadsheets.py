"""CSV export and import of listings (django-import-export).

An import is previewed first: every row shows whether it creates, changes or
leaves a record alone, and every bad row says why. Nothing is written unless
every row is valid, and the confirmation step is all-or-nothing as well.
Rows are matched by `uuid`, so exporting and importing the same file changes
nothing; a row with an empty `uuid` is a new record.
"""

import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets
from import_export.formats.base_formats import CSV

from cas_directory.admin_workflow import publish_permission
from organizations.models import County, Location, Organization, Phone
from organizations.validators import phone_digits, validate_phone_number


class SpreadsheetAdminMixin:
    """CSV only, UTF-8 (with the byte-order mark Excel needs), all-or-nothing."""

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


class UUIDWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return uuid.UUID(str(value).strip())
        except ValueError:
            raise ValueError(
                _("“%(value)s” is not a record id; leave uuid empty for a new record.")
                % {"value": value}
            ) from None


class StrictBooleanWidget(widgets.BooleanWidget):
    """1/0, true/false or yes/no; anything else is an error, not a silent "no"."""

    TRUE_WORDS = {"1", "true", "yes", "y"}
    FALSE_WORDS = {"0", "false", "no", "n", ""}

    def clean(self, value, row=None, **kwargs):
        word = "" if value is None else str(value).strip().lower()
        if word in self.TRUE_WORDS:
            return True
        if word in self.FALSE_WORDS:
            return False
        raise ValueError(_("Write 1 or 0 (yes or no), not “%(value)s”.") % {"value": value})


class CoordinateWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return Decimal(str(value).strip())
        except InvalidOperation:
            raise ValueError(_("“%(value)s” is not a number.") % {"value": value}) from None


class KeepIfBlankField(fields.Field):
    """An empty cell keeps the stored value (or the model's default for a new row)."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        if row.get(self.column_name) in (None, ""):
            return
        super().save(instance, row, is_m2m, **kwargs)


class ConfidentialField(fields.Field):
    """Street address and coordinates of a confidential location never leave the site.

    They are exported empty, and an empty cell keeps what is stored, so the
    file still imports without wiping the address.
    """

    def export(self, instance, **kwargs):
        if instance.is_confidential:
            return ""
        return super().export(instance, **kwargs)

    def save(self, instance, row, is_m2m=False, **kwargs):
        if getattr(instance, "_was_confidential", False) and row.get(self.column_name) in (
            None,
            "",
        ):
            return
        super().save(instance, row, is_m2m, **kwargs)


class CountyWidget(widgets.ForeignKeyWidget):
    """A county by name ("Fresno", "Fresno County") or FIPS code ("06019")."""

    def __init__(self):
        super().__init__(County, field="name")

    def clean(self, value, row=None, **kwargs):
        name = re.sub(r"\s+county$", "", str(value or "").strip(), flags=re.IGNORECASE)
        if not name:
            raise ValueError(_("Give the county."))
        county = County.objects.filter(name__iexact=name).first() or (
            County.objects.filter(fips=name).first() if name.isdigit() else None
        )
        if county is None:
            raise ValueError(
                _("There is no California county called “%(name)s”.") % {"name": value}
            )
        return county


class OrganizationSlugWidget(widgets.ForeignKeyWidget):
    def __init__(self):
        super().__init__(Organization, field="slug")

    def clean(self, value, row=None, **kwargs):
        slug = str(value or "").strip()
        organization = Organization.objects.filter(slug=slug).first() if slug else None
        if organization is None:
            raise ValueError(
                _("No organization has the slug “%(slug)s”; import organizations first.")
                % {"slug": slug}
            )
        return organization


@dataclass(frozen=True)
class PhoneCell:
    """One number of the `phones` column; equal when dialled the same way."""

    number: str = field(compare=False)
    digits: str
    extension: str
    kind: str


_PHONE = re.compile(
    r"^(?P<number>.+?)(?:\s*(?:ext\.?|x)\s*(?P<extension>\d{1,10}))?"
    r"(?:\s*\((?P<kind>[^\W\d_][\w ]*)\))?$",
    re.IGNORECASE,
)


class PhonesWidget(widgets.Widget):
    """Organization-wide phones as "916-555-0142; 800-555-0199 ext. 2 (hotline)"."""

    def clean(self, value, row=None, **kwargs):
        cells, problems = [], []
        kinds = {kind.value: kind.value for kind in Phone.Kind}
        kinds.update({str(kind.label).lower(): kind.value for kind in Phone.Kind})
        for item in str(value or "").split(";"):
            item = item.strip()
            if not item:
                continue
            match = _PHONE.match(item)
            kind = (match["kind"] or "voice").strip().lower() if match else ""
            if not match or kind not in kinds:
                problems.append(
                    _("“%(item)s” is not “number ext. 12 (kind)”; kinds are %(kinds)s.")
                    % {"item": item, "kinds": ", ".join(kind.value for kind in Phone.Kind)}
                )
                continue
            number = match["number"].strip()
            try:
                validate_phone_number(number)
            except ValidationError as error:
                problems.append(f"“{number}”: {' '.join(error.messages)}")
                continue
            cells.append(
                PhoneCell(number, phone_digits(number), match["extension"] or "", kinds[kind])
            )
        if problems:
            raise ValueError(" ".join(str(problem) for problem in problems))
        return cells

    def render(self, value, obj=None, **kwargs):
        parts = []
        for cell in value or []:
            text = cell.number + (f" ext. {cell.extension}" if cell.extension else "")
            if cell.kind != Phone.Kind.VOICE:
                text += f" ({cell.kind})"
            parts.append(text)
        return "; ".join(parts)


def organization_phones(organization) -> list[Phone]:
    """The phones of the organization itself, not of one service or location."""
    if hasattr(organization, "own_phones"):
        return organization.own_phones
    if organization.pk is None:
        return []
    return list(
        organization.phones.filter(service__isnull=True, location__isnull=True).order_by(
            "sort_order", "pk"
        )
    )


def _cell(phone: Phone) -> PhoneCell:
    return PhoneCell(phone.number, phone_digits(phone.number), phone.extension, phone.kind)


class PhonesField(fields.Field):
    def get_value(self, instance):
        if hasattr(instance, "_imported_phones"):
            return instance._imported_phones
        return [_cell(phone) for phone in organization_phones(instance)]

    def save(self, instance, row, is_m2m=False, **kwargs):
        if self.column_name in row:
            instance._imported_phones = self.clean(row, **kwargs)


def save_organization_phones(organization, cells: list[PhoneCell]) -> None:
    """Make the organization-wide phones match, keeping unchanged ones (and their ids)."""
    existing = organization_phones(organization)
    if [_cell(phone) for phone in existing] == cells:
        return
    unmatched = list(existing)
    for position, cell in enumerate(cells):
        phone = next(
            (
                p
                for p in unmatched
                if (phone_digits(p.number), p.extension) == (cell.digits, cell.extension)
            ),
            None,
        )
        if phone is None:
            Phone.objects.create(
                organization=organization,
                number=cell.number,
                extension=cell.extension,
                kind=cell.kind,
                sort_order=position,
            )
            continue
        unmatched.remove(phone)
        if (phone.kind, phone.sort_order) != (cell.kind, position):
            phone.kind, phone.sort_order = cell.kind, position
            phone.save(update_fields=["kind", "sort_order"])
    for phone in unmatched:
        phone.delete()


class _ListingResource(resources.ModelResource):
    uuid = KeepIfBlankField(attribute="uuid", column_name="uuid", widget=UUIDWidget())

    def before_import(self, dataset, **kwargs):
        # A sheet of new records may leave out the id column altogether.
        if "uuid" not in (dataset.headers or []):
            dataset.append_col([""] * len(dataset), header="uuid")
        super().before_import(dataset, **kwargs)

    def before_save_instance(self, instance, row, **kwargs):
        instance._change_reason = str(_("CSV import"))
        super().before_save_instance(instance, row, **kwargs)


class OrganizationResource(_ListingResource):
    status = KeepIfBlankField(attribute="status", column_name="status")
    phones = PhonesField(attribute="phones", column_name="phones", widget=PhonesWidget())
    verified_by = fields.Field(
        attribute="verified_by__username", column_name="verified_by", readonly=True
    )
    is_sample = fields.Field(
        attribute="is_sample", column_name="is_sample", widget=StrictBooleanWidget()
    )

    class Meta:
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
        import_id_fields = ["uuid"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("verified_by").prefetch_related(
            Prefetch(
                "phones",
                queryset=Phone.objects.filter(service__isnull=True, location__isnull=True).order_by(
                    "sort_order", "pk"
                ),
                to_attr="own_phones",
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

    class Meta:
        model = Location
        fields = [
            "uuid",
            "organization",
            "name",
            "address_1",
            "address_2",
            "city",
            "zip_code",
            "county",
            "latitude",
            "longitude",
            "is_confidential",
            "accessibility",
        ]
        export_order = fields
        import_id_fields = ["uuid"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("organization", "county")

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        instance._was_confidential = not new and instance.is_confidential
