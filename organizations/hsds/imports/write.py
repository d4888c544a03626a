"""Apply a Batch to the database in one transaction, with bulk queries.

Records are matched by uuid. A record is refused, and reported, when one of
its uuids belongs to another organization's record, or when the directory's
copy was edited after the record's `last_modified`. New organizations that
look like one we list wait in the possible-duplicate queue. New records are
drafts unless `publish`. A dry run does everything and rolls it back, so its
report is exactly what a real run would do.
"""

import uuid
from collections import defaultdict
from datetime import UTC, date, datetime

from django.conf import settings
from django.db import connection, transaction
from django.utils import translation
from django.utils.dateparse import parse_datetime
from django.utils.text import slugify
from django.utils.timezone import is_naive, make_aware

from core.bulk import analyze
from core.models import County
from core.page_cache import bump_version
from core.publishing import Status
from organizations.hsds.imports import bulk_rows
from organizations.hsds.imports.children import ChildWriter
from organizations.hsds.imports.duplicates import DuplicateIndex
from organizations.hsds.imports.normalize import Batch, normalize
from organizations.hsds.imports.report import Report
from organizations.hsds.imports.validate import RecordError, record_errors
from organizations.models import (
    Location,
    Organization,
    Phone,
    PossibleDuplicate,
    Schedule,
    Service,
    ServiceAtLocation,
)
from organizations.models.location import CA_LATITUDE, CA_LONGITUDE

ARCHIVED_STATUSES = {"inactive", "defunct"}


def _moment(text: str) -> datetime | None:
    """A record's last_modified; a bare date-time is UTC, as HSDS reads times."""
    try:
        moment = parse_datetime(text) if text else None
    except ValueError:
        return None
    if moment is not None and is_naive(moment):
        moment = make_aware(moment, UTC)
    return moment


def _allow_long_statements() -> None:
    """A bulk load's statements (the search text of 10,000 services) may take
    longer than the limit set for a visitor's page, in this transaction only."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = '5min'")


class _Rollback(Exception):
    pass


class Importer:
    def __init__(
        self,
        *,
        publish=False,
        dry_run=False,
        skip_invalid=False,
        check_duplicates=True,
        source="an uploaded file",
    ):
        self.publish, self.dry_run = publish, dry_run
        self.skip_invalid, self.check_duplicates = skip_invalid, check_duplicates
        # The change reason of every history row the import writes (100 characters at most).
        self.reason = f"HSDS import of {source}"[:100]

    def run(self, records: list) -> Report:
        report = Report(records=len(records))
        batch, originals = Batch(), {}
        for position, record in enumerate(records, start=1):
            errors = record_errors(record, position)
            if not errors:
                try:
                    normalize(record, str(record["id"]), batch)
                    originals[str(record["id"])] = record
                except (ValueError, KeyError, TypeError) as error:
                    errors = [RecordError(str(record.get("id")), "$", str(error))]
            report.errors += errors
        if report.errors and not self.skip_invalid:
            return report
        report.notes += batch.notes
        try:
            # The records' texts are the English ones, whatever the curator's language.
            with (
                transaction.atomic(),
                translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE),
            ):
                _allow_long_statements()
                _Writer(self, batch, originals, report).write()
                if self.dry_run:
                    raise _Rollback
        except _Rollback:
            return report
        report.written = True
        bump_version()
        analyze(Organization, Service, Location, ServiceAtLocation, Phone, Schedule)
        return report


class _Writer(ChildWriter):
    def __init__(self, importer: Importer, batch: Batch, originals: dict, report: Report):
        self.importer, self.batch, self.originals, self.report = importer, batch, originals, report
        self.reason = importer.reason
        self.refused_records: set[str] = set()

    def note(self, entry: dict, text: str) -> None:
        self.report.notes.append(f"record {entry['record']}: {text}")

    def refuse(self, record: str, why: str) -> None:
        if record not in self.refused_records:
            self.refused_records.add(record)
            self.report.refused.append(f"record {record}: {why}")

    def write(self) -> None:
        batch = self.batch
        self.organizations = Organization.objects.in_bulk(
            list(batch.organizations), field_name="uuid"
        )
        services = Service.objects.select_related("organization").in_bulk(
            list(batch.services), field_name="uuid"
        )
        locations = Location.objects.select_related("organization").in_bulk(
            list(batch.locations), field_name="uuid"
        )
        self._check_ownership(services, locations)
        if self.importer.check_duplicates:
            self._hold_duplicates()
        self._drop_refused()
        self._write_organizations()
        self._write_locations(locations)
        self._write_services(services)
        self._write_children()

    def history(self, model, new, changed) -> None:
        bulk_rows.create_history(model, new, self.importer.reason, "+")
        bulk_rows.create_history(model, changed, self.importer.reason, "~")

    def _check_ownership(self, services, locations) -> None:
        for key, entry in self.batch.services.items():
            existing = services.get(key)
            if existing is None:
                continue
            if existing.organization.uuid != entry["organization"]:
                self.refuse(entry["record"], f"service {key} belongs to another organization")
                continue
            modified = _moment(entry["last_modified"])
            if modified is None or existing.updated_at > modified:
                self.refuse(
                    entry["record"],
                    f"service {key} was edited here on {existing.updated_at:%Y-%m-%d %H:%M}, "
                    f"after this record's last_modified ({entry['last_modified'] or 'none given'})",
                )
        for key, entry in self.batch.locations.items():
            existing = locations.get(key)
            if existing is not None and existing.organization.uuid != entry["organization"]:
                self.refuse(entry["record"], f"location {key} belongs to another organization")
        named = {e["organization"] for e in self.batch.services.values()}
        known = set(
            Organization.objects.filter(uuid__in=named).values_list("uuid", flat=True)
        ) | set(self.batch.organizations)
        for entry in self.batch.services.values():
            if entry["organization"] not in known:
                self.refuse(
                    entry["record"], f"organization {entry['organization']} is unknown here"
                )

    def _hold_duplicates(self) -> None:
        new = [e for k, e in self.batch.organizations.items() if k not in self.organizations]
        if not new:
            return
        index = DuplicateIndex()
        # Grouped once: scanning every phone for every organization was quadratic.
        phones_of: dict = defaultdict(list)
        for phone in self.batch.phones.values():
            phones_of[phone["organization"]].append(phone["number"])
        counties_of: dict = defaultdict(set)
        for location in self.batch.locations.values():
            counties_of[location["organization"]].add(location["county"])
        for service in self.batch.services.values():
            counties_of[service["organization"]].update(service["counties"])
        for entry in new:
            phones, counties = phones_of[entry["uuid"]], counties_of[entry["uuid"]]
            found = index.match(entry["name"], entry["website"], phones, counties)
            if found is None:
                continue
            pk, why = found
            record = entry["record"]
            PossibleDuplicate.objects.create(
                existing_id=pk, name=entry["name"], reason=why, record=self.originals[record]
            )
            self.refused_records.add(record)
            self.report.duplicates.append(
                f"record {record}: {entry['name']!r} is held for a curator ({why})"
            )

    def _drop_refused(self) -> None:
        gone = self.refused_records
        batch = self.batch
        batch.services = {k: e for k, e in batch.services.items() if e["record"] not in gone}
        kept_orgs = {e["organization"] for e in batch.services.values()}
        batch.organizations = {
            k: e
            for k, e in batch.organizations.items()
            if e["record"] not in gone or k in kept_orgs
        }
        batch.locations = {
            k: e
            for k, e in batch.locations.items()
            if e["organization"] in batch.organizations
            or (e["organization"] in kept_orgs and e["record"] not in gone)
        }
        batch.links = {
            pair: k
            for pair, k in batch.links.items()
            if pair[0] in batch.services and pair[1] in batch.locations
        }
        batch.phones = {k: e for k, e in batch.phones.items() if e["record"] not in gone}
        batch.schedules = {
            k: e
            for k, e in batch.schedules.items()
            if e["location"] in batch.locations and e["record"] not in gone
        }
        batch.phone_owners = {
            kind: {k: record for k, record in owners.items() if record not in gone}
            for kind, owners in batch.phone_owners.items()
        }
        batch.schedule_owners = {
            k: record for k, record in batch.schedule_owners.items() if record not in gone
        }

    def _unique_slug(self, name: str, taken: set[str]) -> str:
        base = slugify(name)[:180] or "organization"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        return slug

    def _write_organizations(self) -> None:
        fields = ["name", "alternate_name", "description", "email", "website", "is_sample"]
        verified: dict[uuid.UUID, date] = {}
        for entry in self.batch.services.values():
            if entry["assured_date"]:
                try:
                    day = date.fromisoformat(entry["assured_date"][:10])
                except ValueError:
                    continue
                verified[entry["organization"]] = max(day, verified.get(entry["organization"], day))
        taken = set(Organization.objects.values_list("slug", flat=True))
        new, changed = [], []
        for key, entry in self.batch.organizations.items():
            values = {name: entry[name] for name in fields if name in entry}
            if key in verified:
                values["last_verified_on"] = verified[key]
            existing = self.organizations.get(key)
            if existing is None:
                status = Status.PUBLISHED if self.importer.publish else Status.DRAFT
                new.append(
                    Organization(
                        uuid=key,
                        slug=self._unique_slug(entry.get("name", ""), taken),
                        status=status,
                        **values,
                    )
                )
            else:
                for name, value in values.items():
                    setattr(existing, name, value)
                changed.append(existing)
        bulk_rows.create(Organization, new)
        bulk_rows.update(Organization, changed, [*fields, "last_verified_on"])
        self.history(Organization, new, changed)
        self.report.created["organizations"] += len(new)
        self.report.changed["organizations"] += len(changed)
        self.organizations.update((o.uuid, o) for o in new)
        named = {e["organization"] for e in self.batch.services.values()} - set(self.organizations)
        self.organizations.update(Organization.objects.in_bulk(list(named), field_name="uuid"))

    def _write_locations(self, existing_locations) -> None:
        counties = {c.name: c for c in County.objects.all()}
        new, changed, fields = [], [], list(Location.WRITABLE_FIELDS)
        for key, entry in list(self.batch.locations.items()):
            county = counties.get(entry["county"])
            existing = existing_locations.get(key)
            if county is None and existing is None:
                where = entry["county"] or "none given"
                self.note(entry, f"location {key} is in no California county ({where}); not kept")
                del self.batch.locations[key]
                continue
            values = {name: entry[name] for name in fields if name != "county"}
            if values["latitude"] is not None and not (
                CA_LATITUDE[0] <= float(values["latitude"]) <= CA_LATITUDE[1]
                and CA_LONGITUDE[0] <= float(values["longitude"]) <= CA_LONGITUDE[1]
            ):
                self.note(entry, f"location {key} coordinates are outside California; not kept")
                values["latitude"] = values["longitude"] = None
            organization = self.organizations[entry["organization"]]
            if existing is None:
                new.append(Location(uuid=key, organization=organization, county=county, **values))
                continue
            if entry["is_confidential"] and not entry["address_1"]:
                # Our own export withholds a shelter's address: keep the one we have.
                values = {
                    "name": values["name"],
                    "accessibility": values["accessibility"],
                    "is_confidential": True,
                }
            for name, value in values.items():
                setattr(existing, name, value)
            if county is not None:
                existing.county = county
            changed.append(existing)
        bulk_rows.create(Location, new)
        bulk_rows.update(Location, changed, fields)
        self.history(Location, new, changed)
        self.report.created["locations"] += len(new)
        self.report.changed["locations"] += len(changed)
        self.locations = {location.uuid: location for location in [*new, *changed]}

    def _write_services(self, existing_services) -> None:
        fields = [
            "name",
            "description",
            "eligibility",
            "fees",
            "how_to_get_help",
            "is_free",
            "is_24_7",
            "accepts_referrals",
            "is_remote",
            "is_statewide",
        ]
        new, changed = [], []
        for key, entry in self.batch.services.items():
            values = {name: entry[name] for name in fields}
            existing = existing_services.get(key)
            if existing is None:
                if entry["hsds_status"] in ARCHIVED_STATUSES:
                    status = Status.ARCHIVED
                else:
                    status = Status.PUBLISHED if self.importer.publish else Status.DRAFT
                new.append(
                    Service(
                        uuid=key,
                        organization=self.organizations[entry["organization"]],
                        status=status,
                        **values,
                    )
                )
            else:
                for name, value in values.items():
                    setattr(existing, name, value)
                changed.append(existing)
        bulk_rows.create(Service, new)
        bulk_rows.update(Service, changed, fields)
        self.services = {service.uuid: service for service in [*new, *changed]}
        stamped = []
        for key, entry in self.batch.services.items():
            modified = _moment(entry["last_modified"])
            if modified is not None:
                service = self.services[key]
                service.updated_at = modified
                stamped.append(service)
        # Updates leave auto_now alone: the partner's last_modified is kept.
        bulk_rows.update(Service, stamped, ["updated_at"])
        self.history(Service, new, changed)
        self.report.created["services"] += len(new)
        self.report.changed["services"] += len(changed)
