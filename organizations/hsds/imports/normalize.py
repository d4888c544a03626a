"""HSDS records -> flat entries of this directory's fields, keyed by uuid.

Whatever shape a partner sends (services with their organization, an
organization with its services and locations, services at locations), the
result is the same `Batch`: organizations, services, locations and what hangs
off them, each as a dict of model fields, plus notes about what had no place
here (a UK postcode, a phone number that is not American). The inverse of
serializers.py: our own export reads back to the same rows.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from organizations.hsds import clock, taxonomy
from organizations.hsds.ids import child_id
from organizations.hsds.serializers import SAMPLE_NOTE, WEEKDAYS
from organizations.models import Phone

WEEKDAY_NUMBERS = {code: number for number, code in WEEKDAYS.items()}
PHONE_KINDS = {
    "voice": Phone.Kind.VOICE,
    "text": Phone.Kind.TEXT,
    "textphone": Phone.Kind.TTY,
    "fax": Phone.Kind.FAX,
    "cell": Phone.Kind.VOICE,
}
FLAG_FIELDS = {
    taxonomy.FREE.uuid: "is_free",
    taxonomy.OPEN_24_7.uuid: "is_24_7",
    taxonomy.ACCEPTS_REFERRALS.uuid: "accepts_referrals",
    taxonomy.REMOTE.uuid: "is_remote",
    taxonomy.STATEWIDE.uuid: "is_statewide",
}
CONFIDENTIAL_TEXT = re.compile(r"^Confidential location in (?P<city>.+), (?P<county>.+) County\.")


@dataclass
class Batch:
    organizations: dict[uuid.UUID, dict] = field(default_factory=dict)
    services: dict[uuid.UUID, dict] = field(default_factory=dict)
    locations: dict[uuid.UUID, dict] = field(default_factory=dict)
    # (service uuid, location uuid) -> link uuid
    links: dict[tuple[uuid.UUID, uuid.UUID], uuid.UUID] = field(default_factory=dict)
    phones: dict[uuid.UUID, dict] = field(default_factory=dict)
    schedules: dict[uuid.UUID, dict] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # The records that list an owner's phones or a location's hours, which then
    # hold the whole list ("service"/"location"/"organization" -> uuid -> record id).
    phone_owners: dict[str, dict[uuid.UUID, str]] = field(
        default_factory=lambda: {"service": {}, "location": {}, "organization": {}}
    )
    schedule_owners: dict[uuid.UUID, str] = field(default_factory=dict)
    # Each record's id -> the organization, services and locations it names.
    record_of: dict[uuid.UUID, str] = field(default_factory=dict)


def _id(value) -> uuid.UUID:
    return uuid.UUID(str(value))


def _text(record: dict, key: str) -> str:
    value = record.get(key)
    return "" if value is None else str(value).strip()


def _unsampled(text: str) -> tuple[str, bool]:
    if text.startswith(SAMPLE_NOTE.strip()):
        return text[len(SAMPLE_NOTE.strip()) :].strip(), True
    return text, False


def _parse_time(text: str) -> time | None:
    text = text.strip().replace("Z", "+00:00")
    try:
        return time.fromisoformat(text)
    except ValueError:
        return None


class Normalizer:
    def __init__(self, record_id: str, batch: Batch):
        self.record_id = record_id
        self.batch = batch

    def note(self, message: str) -> None:
        self.batch.notes.append(f"record {self.record_id}: {message}")

    def organization(self, data: dict) -> uuid.UUID:
        key = _id(data["id"])
        description, is_sample = _unsampled(_text(data, "description"))
        entry = self.batch.organizations.setdefault(
            key, {"uuid": key, "is_sample": False, "record": self.record_id}
        )
        entry.update(
            name=_text(data, "name")[:200],
            alternate_name=_text(data, "alternate_name")[:200],
            description=description,
            email=_text(data, "email"),
            website=_text(data, "website"),
        )
        entry["is_sample"] = entry["is_sample"] or is_sample
        self.batch.record_of[key] = self.record_id
        self.lists_phones("organization", key, data)
        for phone in data.get("phones") or []:
            self.phone(phone, key)
        for location in data.get("locations") or []:
            self.location(location, key)
        for service in data.get("services") or []:
            self.service({**service, "organization_id": str(key)}, key)
        return key

    def service(self, data: dict, organization: uuid.UUID | None = None) -> uuid.UUID:
        if organization is None:
            nested = data.get("organization")
            if isinstance(nested, dict):
                organization = self.organization(nested)
            elif data.get("organization_id"):
                organization = _id(data["organization_id"])
            else:
                raise ValueError("a service needs its organization or an organization_id")
        key = _id(data["id"])
        description, is_sample = _unsampled(_text(data, "description"))
        if is_sample and organization in self.batch.organizations:
            self.batch.organizations[organization]["is_sample"] = True
        entry: dict[str, Any] = {
            "uuid": key,
            "record": self.record_id,
            "organization": organization,
            "name": _text(data, "name")[:200],
            "hsds_status": _text(data, "status"),
            "description": description,
            "eligibility": _text(data, "eligibility_description"),
            "fees": _text(data, "fees_description"),
            "how_to_get_help": _text(data, "application_process"),
            "last_modified": _text(data, "last_modified"),
            "assured_date": _text(data, "assured_date"),
            "terms": [],
            "counties": [],
            "languages": [],
            **dict.fromkeys(FLAG_FIELDS.values(), False),
        }
        self.batch.services[key] = entry
        self.batch.record_of[key] = self.record_id
        for attribute in data.get("attributes") or []:
            term = attribute.get("taxonomy_term") or {"id": attribute.get("taxonomy_term_id")}
            term_id = attribute.get("taxonomy_term_id") or term.get("id")
            flag = FLAG_FIELDS.get(_id(term_id)) if term_id else None
            if flag:
                entry[flag] = True
            elif term_id and _id(term_id) == taxonomy.SAMPLE.uuid:
                self.batch.organizations.setdefault(
                    organization, {"uuid": organization, "is_sample": True}
                )["is_sample"] = True
            elif term_id and _id(term_id) != taxonomy.CONFIDENTIAL.uuid:
                entry["terms"].append(term)
        for option in data.get("cost_options") or []:
            if option.get("amount") == 0:
                entry["is_free"] = True
        for schedule in data.get("schedules") or []:
            if (
                set(_text(schedule, "byday").split(",")) == set(WEEKDAYS.values())
                and _text(schedule, "opens_at")[:5] == "00:00"
                and _text(schedule, "closes_at")[:5] == "23:59"
            ):
                entry["is_24_7"] = True
            else:
                self.note(
                    f"service schedule {schedule.get('id')}: hours are kept per location only"
                )
        for area in data.get("service_areas") or []:
            name = _text(area, "name")
            if name == "California":
                entry["is_statewide"] = True
            else:
                entry["counties"].append(name.removesuffix(" County"))
        entry["languages"] = [_text(lang, "code") for lang in data.get("languages") or []]
        self.lists_phones("service", key, data)
        for phone in data.get("phones") or []:
            self.phone(phone, organization, service=key)
        for link in data.get("service_at_locations") or []:
            self.link(link, key, organization)
        return key

    def link(self, data: dict, service: uuid.UUID, organization: uuid.UUID) -> None:
        location_data = data.get("location")
        location_id = data.get("location_id") or (location_data or {}).get("id")
        if not location_id:
            self.note(f"service_at_location {data.get('id')} names no location; not kept")
            return
        location = _id(location_id)
        if isinstance(location_data, dict):
            self.location(location_data, organization)
        self.batch.links[(service, location)] = _id(data["id"])
        for phone in data.get("phones") or []:
            self.phone(phone, organization, service=service, location=location)
        for schedule in data.get("schedules") or []:
            self.schedule(schedule, location)

    def location(self, data: dict, organization: uuid.UUID) -> uuid.UUID:
        key = _id(data["id"])
        owner = _id(data["organization_id"]) if data.get("organization_id") else organization
        flags = {str(a.get("taxonomy_term_id")) for a in data.get("attributes") or []}
        confidential = str(taxonomy.CONFIDENTIAL.uuid) in flags
        entry = {
            "uuid": key,
            "record": self.record_id,
            "organization": owner,
            "name": _text(data, "name")[:200],
            "is_confidential": confidential,
            "address_1": "",
            "address_2": "",
            "city": "",
            "zip_code": "",
            "county": "",
            "latitude": None,
            "longitude": None,
            "accessibility": " ".join(
                _text(a, "description") for a in data.get("accessibility") or []
            ).strip(),
        }
        addresses = (
            [a for a in data.get("addresses") or [] if a.get("address_type") != "postal"]
            or data.get("addresses")
            or []
        )
        if addresses:
            address = addresses[0]
            entry.update(
                address_1=_text(address, "address_1")[:200],
                address_2=_text(address, "address_2")[:200],
                city=_text(address, "city")[:100],
                zip_code=_text(address, "postal_code")[:10],
                county=_text(address, "region").removesuffix(" County"),
            )
        elif confidential:
            match = CONFIDENTIAL_TEXT.match(_text(data, "description"))
            if match:
                entry.update(city=match["city"], county=match["county"])
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if latitude is not None and longitude is not None:
            entry["latitude"], entry["longitude"] = latitude, longitude
        self.batch.locations[key] = entry
        self.batch.record_of.setdefault(key, self.record_id)
        self.lists_phones("location", key, data)
        if "schedules" in data:
            self.batch.schedule_owners[key] = self.record_id
        for phone in data.get("phones") or []:
            self.phone(phone, owner, location=key)
        for schedule in data.get("schedules") or []:
            self.schedule(schedule, key)
        return key

    def lists_phones(self, kind: str, key: uuid.UUID, data: dict) -> None:
        """A record that has a `phones` list gives all of them: one it leaves out is gone."""
        if "phones" in data:
            self.batch.phone_owners[kind][key] = self.record_id

    def phone(self, data: dict, organization, service=None, location=None) -> None:
        key = _id(data["id"])
        description = _text(data, "description")
        kind = PHONE_KINDS.get(_text(data, "type"), Phone.Kind.VOICE)
        if description.startswith("Hotline."):
            kind, description = Phone.Kind.HOTLINE, description.removeprefix("Hotline.").strip()
        extension = data.get("extension")
        self.batch.phones[key] = {
            "uuid": key,
            "record": self.record_id,
            "organization": organization,
            "service": service,
            "location": location,
            "number": _text(data, "number").strip('"')[:30],
            "kind": kind,
            "extension": "" if extension is None else str(extension)[:10],
            "description": description[:200],
            "languages": [_text(lang, "code") for lang in data.get("languages") or []],
            "sort_order": len(self.batch.phones) % 30000,
        }

    def schedule(self, data: dict, location: uuid.UUID) -> None:
        days = [day for day in _text(data, "byday").split(",") if day in WEEKDAY_NUMBERS]
        opens, closes = _parse_time(_text(data, "opens_at")), _parse_time(_text(data, "closes_at"))
        if not days or opens is None or closes is None:
            self.note(f"schedule {data.get('id')}: kept only weekly hours with days and times")
            return
        offset = data.get("timezone")
        opens_local = clock.local_time(opens, offset)
        closes_local = clock.local_time(closes, offset)
        if opens_local == time(0) and closes_local == time(23, 59):
            closes_local = opens_local  # our way of saying "all day"
        for day in days:
            key = _id(data["id"]) if len(days) == 1 else child_id(_id(data["id"]), "day", day)
            self.batch.schedules[key] = {
                "uuid": key,
                "record": self.record_id,
                "location": location,
                "weekday": WEEKDAY_NUMBERS[day],
                "opens_at": opens_local,
                "closes_at": closes_local,
                "note": _text(data, "notes")[:200],
            }


def normalize(record: dict, record_id: str, batch: Batch) -> None:
    from organizations.hsds.imports.validate import kind_of

    normalizer = Normalizer(record_id, batch)
    kind = kind_of(record)
    if kind == "organization":
        normalizer.organization(record)
    elif kind == "service":
        normalizer.service(record)
    else:
        service = normalizer.service(record["service"])
        normalizer.link(record, service, batch.services[service]["organization"])
