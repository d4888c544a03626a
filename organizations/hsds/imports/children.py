"""The rows that hang off an import's services and locations: their terms,
languages and counties, links, phones and hours. Replaced whole for each
service and location the import touches, in a fixed number of queries."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q

from core.models import County, Language
from organizations import search_index
from organizations.hsds.imports import bulk_rows
from organizations.hsds.imports.normalize import Batch
from organizations.hsds.imports.report import Report
from organizations.hsds.imports.terms import TermResolver
from organizations.models import Location, Organization, Phone, Schedule, Service, ServiceAtLocation

BATCH_SIZE = 1000


class ChildWriter:
    """Part of write._Writer: it runs after organizations, locations and services exist."""

    batch: Batch
    report: Report
    organizations: dict[Any, Organization]
    locations: dict[Any, Location]
    services: dict[Any, Service]
    reason: str

    def note(self, entry: dict, text: str) -> None:
        self.report.notes.append(f"record {entry['record']}: {text}")

    def _write_children(self) -> None:
        batch, services = self.batch, self.services
        touched = [s.pk for s in services.values()]
        languages = {lang.code: lang for lang in Language.objects.all()}
        counties = {c.name: c for c in County.objects.all()}
        terms = TermResolver(self.report)
        through = (
            Service.service_types.through,
            Service.populations.through,
            Service.languages.through,
            Service.counties.through,
        )
        for model in through:
            model.objects.filter(service_id__in=touched).delete()
        type_rows: list[Any] = []
        population_rows: list[Any] = []
        language_rows: list[Any] = []
        county_rows: list[Any] = []
        for key, entry in batch.services.items():
            service = services[key]
            for term in entry["terms"]:
                found = terms.resolve(term, entry["record"])
                if found is not None:
                    kind, pk = found
                    rows, model = (
                        (type_rows, through[0])
                        if kind == "service_type"
                        else (population_rows, through[1])
                    )
                    row = model(service_id=service.pk, **{f"{kind.replace('_', '')}_id": pk})
                    rows.append(row)
            for code in dict.fromkeys(entry["languages"]):
                if code in languages:
                    language_rows.append(
                        through[2](service_id=service.pk, language_id=languages[code].pk)
                    )
                else:
                    self.note(entry, f"language {code!r} is not one we list; not kept")
            for name in dict.fromkeys(entry["counties"]):
                if name in counties:
                    county_rows.append(
                        through[3](service_id=service.pk, county_id=counties[name].pk)
                    )
                else:
                    self.note(entry, f"service area {name!r} is not a California county; not kept")
        for table, rows in zip(
            through, (type_rows, population_rows, language_rows, county_rows), strict=True
        ):
            table._default_manager.bulk_create(_unique(rows), batch_size=BATCH_SIZE)
        self._write_links_phones_schedules(languages)
        search_index.refresh(Service.objects.filter(pk__in=touched))

    def _write_links_phones_schedules(self, languages) -> None:
        batch = self.batch
        services, locations = self.services, self.locations
        links = [
            ServiceAtLocation(uuid=k, service=services[s], location=locations[loc])
            for (s, loc), k in batch.links.items()
            if loc in locations
        ]
        # Replaced whole: a link may come back under its uuid or as the same pair.
        replaced = ServiceAtLocation.objects.filter(
            Q(uuid__in=[link.uuid for link in links]) | Q(service__in=list(services.values()))
        )
        bulk_rows.delete(ServiceAtLocation, list(replaced.values_list("pk", flat=True)))
        ServiceAtLocation.objects.bulk_create(links, batch_size=BATCH_SIZE)
        self.report.created["service_at_locations"] += len(links)
        phones = self._phones()
        self._replace(Phone, self._listed_phones(), phones, "phones")
        phone_languages = [
            Phone.languages.through(phone_id=phone.pk, language_id=languages[code].pk)
            for phone in phones
            for code in dict.fromkeys(batch.phones[phone.uuid]["languages"])
            if code in languages
        ]
        Phone.languages.through.objects.bulk_create(phone_languages, batch_size=BATCH_SIZE)
        self.report.created["phones"] += len(phones)
        schedules = [
            bulk_rows.build(
                Schedule,
                uuid=k,
                location_id=locations[e["location"]].pk,
                weekday=e["weekday"],
                opens_at=e["opens_at"],
                closes_at=e["closes_at"],
                note=e["note"],
            )
            for k, e in batch.schedules.items()
            if e["location"] in locations
        ]
        owners = batch.schedule_owners.keys() & set(locations)
        # By uuid only those the owners' lists leave out: 50,000 uuids made a slow query.
        stray = [k for k, e in batch.schedules.items() if e["location"] not in owners]
        listed = Q(uuid__in=stray) | Q(location__uuid__in=owners)
        self._replace(Schedule, Schedule.objects.filter(listed), schedules, "schedules")
        self.report.created["schedules"] += len(schedules)

    def _phones(self) -> list[Phone]:
        services, locations = self.services, self.locations
        phones = []
        for key, entry in self.batch.phones.items():
            if entry["location"] is not None and entry["location"] not in locations:
                continue
            if entry["organization"] not in self.organizations:
                continue
            service = services.get(entry["service"]) if entry["service"] else None
            location = locations.get(entry["location"]) if entry["location"] else None
            phone = bulk_rows.build(
                Phone,
                uuid=key,
                organization_id=self.organizations[entry["organization"]].pk,
                service_id=service.pk if service else None,
                location_id=location.pk if location else None,
                number=entry["number"],
                kind=entry["kind"],
                extension=entry["extension"],
                description=entry["description"],
                sort_order=entry["sort_order"],
            )
            try:
                phone.clean()
            except ValidationError:
                self.note(entry, f"phone {entry['number']!r} is not a U.S. number; not kept")
                continue
            phones.append(phone)
        return phones

    def _listed_phones(self):
        """The phones whose whole list the import holds: those of the records
        that list their phones, and those it names by uuid."""
        owners = self.batch.phone_owners
        return Phone.objects.filter(
            Q(uuid__in=list(self.batch.phones))
            | Q(service__uuid__in=owners["service"].keys() & set(self.services))
            | Q(service=None, location__uuid__in=owners["location"].keys() & set(self.locations))
            | Q(
                service=None,
                location=None,
                organization__uuid__in=owners["organization"].keys()
                & set(self.batch.organizations),
            )
        )

    def _replace(self, model, listed, rows: list, kind: str) -> None:
        """`listed` (a queryset) gives way to `rows`: a row that comes back keeps
        its pk ("changed" in its history), the others are deleted."""
        existing = {row.uuid: row for row in listed}
        for row in rows:
            if row.uuid in existing:
                row.pk = existing[row.uuid].pk
        kept = {row.uuid for row in rows}
        gone = [row for uuid, row in existing.items() if uuid not in kept]
        bulk_rows.delete(model, [row.pk for row in existing.values()])
        bulk_rows.create(model, rows)
        reason = self.reason
        bulk_rows.create_history(model, [r for r in rows if r.uuid not in existing], reason, "+")
        bulk_rows.create_history(model, [r for r in rows if r.uuid in existing], reason, "~")
        bulk_rows.create_history(model, gone, reason, "-")
        self.report.removed[kind] += len(gone)


def _unique(rows: list) -> list:
    seen, kept = set(), []
    for row in rows:
        key = tuple(sorted((k, v) for k, v in row.__dict__.items() if k.endswith("_id")))
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept
