"""Pure functions from published records to HSDS 3.0 objects.

They read only what `queries.py` selected and prefetched, so they never
query the database themselves. Optional fields
are left out rather than sent empty: HSDS types them as strings, and an empty
email or URL would not validate.

Confidential locations (shelters, safe houses): HSDS has no field for a
withheld address, and its address object requires a street and a postal code,
so such a location has no `addresses`, no latitude/longitude and no postal
code at all; its description says it is confidential and names only the city
and county, as the public pages do, and it carries the "confidential
location" attribute.
"""

import uuid
from typing import Any

from core.models import Language
from organizations.hours import DaySpan, day_span
from organizations.hsds import clock, taxonomy
from organizations.hsds.ids import child_id
from organizations.models import (
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
)

SAMPLE_NOTE = "SAMPLE LISTING: not a real organization. "
STATE = "CA"
COUNTRY = "US"
WEEKDAYS = {1: "MO", 2: "TU", 3: "WE", 4: "TH", 5: "FR", 6: "SA", 7: "SU"}
EVERY_DAY = ",".join(WEEKDAYS.values())
# HSDS reads times without an offset as UTC: every time carries the offset in
# effect today, and the text says which zone it belongs to.
TIME_ZONE_NOTE = "Times are California time (America/Los_Angeles)."
# RFC 6350 telephone types, which HSDS uses; a hotline is a voice line.
# Keyed by the stored value, which each Kind member equals.
PHONE_TYPES: dict[str, str] = {
    Phone.Kind.VOICE: "voice",
    Phone.Kind.HOTLINE: "voice",
    Phone.Kind.TEXT: "text",
    Phone.Kind.TTY: "textphone",
    Phone.Kind.FAX: "fax",
}
SERVICE_FLAGS = (
    (taxonomy.FREE, lambda service: service.is_free),
    (taxonomy.OPEN_24_7, lambda service: service.is_24_7),
    (taxonomy.ACCEPTS_REFERRALS, lambda service: service.accepts_referrals),
    (taxonomy.REMOTE, lambda service: service.is_remote),
    (taxonomy.STATEWIDE, lambda service: service.is_statewide),
    (taxonomy.SAMPLE, lambda service: service.organization.is_sample),
)


def _optional(**fields) -> dict:
    return {name: value for name, value in fields.items() if value not in ("", None)}


def _sample_note(text: str, is_sample: bool) -> str:
    """Sample records say so in their own text, so that no copy of them passes for real."""
    return SAMPLE_NOTE + text if is_sample else text


def _attributes(link_uuid: uuid.UUID, link_entity: str, terms) -> list[dict]:
    return [
        {
            "id": str(child_id(link_uuid, "attribute", term.uuid)),
            "link_id": str(link_uuid),
            "link_entity": link_entity,
            "taxonomy_term_id": str(term.uuid),
            "taxonomy_term": taxonomy.term_data(term),
        }
        for term in terms
    ]


def _language(language: Language, parent_uuid: uuid.UUID, parent_field: str) -> dict:
    return {
        "id": str(child_id(parent_uuid, "language", language.uuid)),
        parent_field: str(parent_uuid),
        "name": language.name,
        "code": language.code,
    }


def phone_data(phone: Phone, **links: uuid.UUID) -> dict:
    """A phone; `links` are the ids of the records it belongs to (service_id=...)."""
    data: dict[str, Any] = {
        "id": str(phone.uuid),
        **{field: str(value) for field, value in links.items()},
        "number": phone.display_number,
        "type": PHONE_TYPES[phone.kind],
    }
    description = phone.description
    if phone.kind == Phone.Kind.HOTLINE:
        description = f"Hotline. {description}".strip()
    extension = phone.extension
    # HSDS types the extension as a number; one it cannot hold goes in the text.
    if extension.isdigit() and not extension.startswith("0"):
        data["extension"] = int(extension)
    elif extension:
        description = f"{description} Extension {extension}.".strip()
    data.update(_optional(description=description))
    data["languages"] = [_language(lang, phone.uuid, "phone_id") for lang in phone.languages.all()]
    return data


def _zoned(opens_at: str, closes_at: str) -> dict:
    offset = clock.offset_on()
    return {
        "opens_at": clock.with_offset(opens_at, offset),
        "closes_at": clock.with_offset(closes_at, offset),
        "timezone": clock.hours(offset),
    }


def schedule_data(schedule: Schedule, location: Location) -> dict:
    opens_at, closes_at, note = schedule.opens_at, schedule.closes_at, ""
    span = day_span(opens_at, closes_at)
    if span is DaySpan.ALL_DAY:
        opens_text, closes_text, note = "00:00", "23:59", "Open 24 hours. "
    else:
        opens_text, closes_text = f"{opens_at:%H:%M}", f"{closes_at:%H:%M}"
        if span is DaySpan.PAST_MIDNIGHT:
            note = "Closes after midnight, on the next day. "
    return {
        "id": str(schedule.uuid),
        "location_id": str(location.uuid),
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": WEEKDAYS[schedule.weekday],
        **_zoned(opens_text, closes_text),
        "description": note + TIME_ZONE_NOTE,
        **_optional(notes=schedule.note),
    }


def _always_open(service: Service) -> dict:
    return {
        "id": str(child_id(service.uuid, "schedule", "24/7")),
        "service_id": str(service.uuid),
        "freq": "WEEKLY",
        "wkst": "MO",
        "byday": EVERY_DAY,
        **_zoned("00:00", "23:59"),
        "description": f"Open 24 hours a day, 7 days a week. {TIME_ZONE_NOTE}",
    }


def organization_summary(organization: Organization) -> dict:
    """The one-to-one fields (organization_list)."""
    return {
        "id": str(organization.uuid),
        "name": organization.name,
        "description": _sample_note(organization.description, organization.is_sample),
        **_optional(
            alternate_name=organization.alternate_name,
            email=organization.email,
            website=organization.website,
        ),
    }


def organization_full(organization: Organization, *, full_services: bool = False) -> dict:
    service = service_full if full_services else service_summary
    return {
        **organization_summary(organization),
        "phones": [
            phone_data(phone, organization_id=organization.uuid)
            for phone in organization.organization_phones
        ],
        "locations": [location_full(location) for location in organization.locations.all()],
        "services": [service(s, with_organization=False) for s in organization.published_services],
        "attributes": _attributes(
            organization.uuid, "organization", [taxonomy.SAMPLE] if organization.is_sample else []
        ),
    }


def _location_description(location: Location) -> str:
    if not location.is_confidential:
        return ""
    return (
        f"Confidential location in {location.city}, {location.county.name} County. "
        "Call for the address."
    )


def location_summary(location: Location) -> dict:
    """The one-to-one fields; no coordinates for a confidential location."""
    data = {
        "id": str(location.uuid),
        "location_type": "physical",
        "organization_id": str(location.organization.uuid),
        **_optional(name=location.name, description=_location_description(location)),
    }
    coordinates = location.public_coordinates
    if coordinates is not None:
        data["latitude"], data["longitude"] = coordinates
    return data


def _addresses(location: Location) -> list[dict]:
    if location.is_confidential:
        return []
    return [
        {
            "id": str(child_id(location.uuid, "address")),
            "location_id": str(location.uuid),
            "address_1": location.address_1,
            **_optional(address_2=location.address_2),
            "city": location.city,
            "region": f"{location.county.name} County",
            "state_province": STATE,
            "postal_code": location.zip_code,
            "country": COUNTRY,
            "address_type": "physical",
        }
    ]


def location_full(location: Location) -> dict:
    accessibility = []
    if location.accessibility:
        accessibility.append(
            {
                "id": str(child_id(location.uuid, "accessibility")),
                "location_id": str(location.uuid),
                "description": location.accessibility,
            }
        )
    flags = [taxonomy.CONFIDENTIAL] if location.is_confidential else []
    return {
        **location_summary(location),
        "addresses": _addresses(location),
        "phones": [phone_data(phone, location_id=location.uuid) for phone in location.own_phones],
        "schedules": [schedule_data(schedule, location) for schedule in location.schedules.all()],
        "accessibility": accessibility,
        "attributes": _attributes(location.uuid, "location", flags),
    }


def service_summary(service: Service, *, with_organization: bool = True) -> dict:
    """The one-to-one fields (service_list), with the organization's unless nested in it."""
    organization = service.organization
    verified = organization.last_verified_on
    data = {
        "id": str(service.uuid),
        "organization_id": str(organization.uuid),
        "name": service.name,
        # Only published services are ever exported, and published means active.
        "status": "active",
        **_optional(
            description=_sample_note(service.description, organization.is_sample).strip(),
            eligibility_description=service.eligibility,
            fees_description=service.fees or ("Free of charge." if service.is_free else ""),
            application_process=service.how_to_get_help,
            alert=service.intake_note,
            assured_date=verified.isoformat() if verified else None,
            last_modified=service.updated_at.isoformat(),
        ),
    }
    if with_organization:
        data["organization"] = organization_summary(organization)
    return data


def service_minimal(service: Service) -> dict:
    """`minimal=true`: enough to tell what changed, and still a valid service_list item."""
    return {
        "id": str(service.uuid),
        "name": service.name,
        "status": "active",
        "last_modified": service.updated_at.isoformat(),
    }


def _service_areas(service: Service) -> list[dict]:
    if service.is_statewide:
        return [
            {
                "id": str(child_id(service.uuid, "service_area", "california")),
                "service_id": str(service.uuid),
                "name": "California",
                "description": "Statewide: every California county.",
            }
        ]
    return [
        {
            "id": str(child_id(service.uuid, "service_area", county.uuid)),
            "service_id": str(service.uuid),
            "name": f"{county.name} County",
            "description": f"{county.name} County, California (FIPS {county.fips}).",
        }
        for county in service.counties.all()
    ]


def service_full(
    service: Service, *, with_organization: bool = True, with_locations: bool = True
) -> dict:
    """Everything about a service; `with_locations` adds its service_at_locations."""
    terms = [
        *service.service_types.all(),
        *service.populations.all(),
        *(flag for flag, applies in SERVICE_FLAGS if applies(service)),
    ]
    data = {
        **service_summary(service, with_organization=with_organization),
        "phones": [
            phone_data(phone, service_id=service.uuid)
            for phone in service.phones.all()
            if phone.location_id is None
        ],
        "schedules": [_always_open(service)] if service.is_24_7 else [],
        "service_areas": _service_areas(service),
        "languages": [
            _language(language, service.uuid, "service_id") for language in service.languages.all()
        ],
        "cost_options": [],
        "attributes": _attributes(service.uuid, "service", terms),
    }
    if service.is_free:
        data["cost_options"].append(
            {
                "id": str(child_id(service.uuid, "cost_option", "free")),
                "service_id": str(service.uuid),
                "option": "Free of charge",
                "amount": 0,
                "currency": "USD",
            }
        )
    if with_locations:
        data["service_at_locations"] = [
            service_at_location_full(link, with_service=False)
            for link in service.location_links.all()
        ]
    return data


def _service_at_location_ids(link: ServiceAtLocation) -> dict:
    return {
        "id": str(link.uuid),
        "service_id": str(link.service.uuid),
        "location_id": str(link.location.uuid),
    }


def service_at_location_summary(link: ServiceAtLocation) -> dict:
    """The one-to-one fields (service_at_location_list)."""
    return {
        **_service_at_location_ids(link),
        "location": location_summary(link.location),
        "service": service_summary(link.service),
    }


def service_at_location_full(link: ServiceAtLocation, *, with_service: bool = True) -> dict:
    service, location = link.service, link.location
    data = {
        **_service_at_location_ids(link),
        "phones": [
            phone_data(phone, service_id=service.uuid, location_id=location.uuid)
            for phone in service.phones.all()
            if phone.location_id == location.pk
        ],
        "location": location_full(location),
    }
    if with_service:
        data["service"] = service_full(service, with_locations=False)
    return data
