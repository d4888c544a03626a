"""What a provider may change on its listing, read, compared and applied field by field.

Each editable value has a key ("service.12.eligibility") naming its record and
field. `current_values()` reads them all in a fixed number of queries;
`apply()` writes one accepted value, with the history saying who proposed it.
Confidential locations appear by city only: their street never reaches this page.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.models import Language
from organizations.admin.hours import format_hours, parse_hours, save_hours
from organizations.models import Location, Organization, Phone, Service
from organizations.validators import format_phone

# Intake answers as the form's radio buttons carry them.
YES, NO, UNKNOWN = "yes", "no", ""


@dataclass(frozen=True)
class Editable:
    key: str
    label: Any  # lazy: the form shows it in the page's language, the diff in the site's
    group: str
    kind: str  # "url", "text", "line", "phone", "hours", "intake", "languages"
    value: str | list[str]


def _phone_label(phone: Phone):
    kind = dict(Phone.Kind.choices)[phone.kind]
    return format_lazy("{}: {}", _("Phone"), kind)


def _intake(service: Service) -> str:
    if not service.has_current_intake_answer:
        return UNKNOWN
    return YES if service.accepting_new_clients else NO


def current_values(organization: Organization) -> list[Editable]:
    """Everything the provider's form shows, in page order."""
    name = organization.name
    values = [Editable("organization.website", _("Website"), name, "url", organization.website)]
    phones = Phone.objects.filter(organization=organization).order_by("sort_order", "pk")
    services = (
        Service.objects.published()
        .filter(organization=organization)
        .prefetch_related("languages")
        .order_by("name", "pk")
    )
    locations = (
        Location.objects.filter(organization=organization)
        .prefetch_related("schedules")
        .order_by("name", "pk")
    )
    for phone in phones:
        if phone.service_id is None and phone.location_id is None:
            label = _phone_label(phone)
            values.append(Editable(f"phone.{phone.pk}.number", label, name, "phone", phone.number))
    for service in services:
        group = service.name
        values += [
            Editable(
                f"service.{service.pk}.intake",
                _("Accepting new clients"),
                group,
                "intake",
                _intake(service),
            ),
            Editable(
                f"service.{service.pk}.description",
                _("Description"),
                group,
                "text",
                service.description,
            ),
            Editable(
                f"service.{service.pk}.eligibility",
                _("Eligibility"),
                group,
                "text",
                service.eligibility,
            ),
            Editable(
                f"service.{service.pk}.languages",
                _("Languages"),
                group,
                "languages",
                sorted(language.code for language in service.languages.all()),
            ),
        ]
        for phone in phones:
            if phone.service_id == service.pk:
                label = _phone_label(phone)
                values.append(
                    Editable(f"phone.{phone.pk}.number", label, group, "phone", phone.number)
                )
    for location in locations:
        # Never the street: a confidential location is known here by its city alone.
        group = location.city if location.is_confidential else (location.name or location.city)
        values.append(
            Editable(
                f"location.{location.pk}.hours",
                _("Opening hours"),
                group,
                "hours",
                format_hours(location.schedules.all()),
            )
        )
        for phone in phones:
            if phone.location_id == location.pk and phone.service_id is None:
                label = _phone_label(phone)
                values.append(
                    Editable(f"phone.{phone.pk}.number", label, group, "phone", phone.number)
                )
    return values


def display(kind: str, value) -> str:
    """A value as the curator's diff shows it."""
    if kind == "languages":
        names = dict(Language.objects.filter(code__in=value).values_list("code", "name"))
        return ", ".join(names.get(code, code) for code in value) or "—"
    if kind == "intake":
        return {YES: str(_("Yes")), NO: str(_("No"))}.get(value, str(_("Call to ask")))
    if kind == "phone":
        return format_phone(value) if value else "—"
    return value or "—"


def _record(model, organization: Organization, pk: str):
    return model.objects.select_for_update().get(organization=organization, pk=int(pk))


def current_value(organization: Organization, key: str):
    """The value of one key now (a curator may have changed it since it was proposed)."""
    for editable in current_values(organization):
        if editable.key == key:
            return editable.value
    return None


@transaction.atomic
def apply(organization: Organization, key: str, value, reason: str) -> None:
    """Write one accepted value; the history records `reason` (who proposed it)."""
    kind, pk, field = key.split(".")
    if kind == "organization":
        record = Organization.objects.select_for_update().get(pk=organization.pk)
        record.website = value
        fields = ["website"]
    elif kind == "phone":
        record = _record(Phone, organization, pk)
        record.number = value
        fields = ["number"]
    elif kind == "location":
        location = _record(Location, organization, pk)
        save_hours(location, parse_hours(value))
        return
    else:
        record = _record(Service, organization, pk)
        if field == "languages":
            record.languages.set(Language.objects.filter(code__in=value))
            fields = []  # the save below still writes a history entry with the reason
        elif field == "intake":
            record.accepting_new_clients = {YES: True, NO: False}.get(value)
            record.accepting_new_clients_on = timezone.localdate() if value else None
            fields = ["accepting_new_clients", "accepting_new_clients_on"]
        else:
            setattr(record, field, value)
            fields = [field]
    if kind != "phone":
        fields.append("updated_at")
    record._change_reason = reason
    record.save(update_fields=fields)
