"""The spreadsheet columns that need more than a plain value (django-import-export).

Each refuses bad input with a message a curator can act on, rather than
guessing: "maybe" is not a boolean, "Atlantis" is not a county.
"""

import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from core.models import County
from organizations.models import Organization, Phone
from organizations.validators import phone_digits, validate_phone_number


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
    if hasattr(organization, "organization_phones"):
        return organization.organization_phones
    if organization.pk is None:
        return []
    return list(organization.phones.organization_level())


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
