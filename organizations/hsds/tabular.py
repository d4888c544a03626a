"""HSDS 3.0's tabular form: one CSV file per entity, columns named as the
official schemas name their fields (the same names as the official
datapackage.json), rows linked by the `*_id` columns.

`write_tables` flattens full service records into the files;
`read_tables` puts them back together as full service records, which the
importer then reads like any JSON.
"""

import csv
import json
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from organizations.hsds.imports.read import UnreadableFile
from organizations.hsds.imports.validate import schema_dir

TABLES = (
    "organization",
    "service",
    "location",
    "address",
    "phone",
    "schedule",
    "service_area",
    "language",
    "service_at_location",
    "cost_option",
    "accessibility",
    "attribute",
    "taxonomy_term",
)
SCALARS = {"string", "number", "integer", "boolean"}


@cache
def columns(table: str) -> dict[str, str]:
    """Field name -> JSON type, in the schema's order, for the fields a CSV cell can hold."""
    path = schema_dir() / f"{table}.json"
    if not path.exists():
        raise UnreadableFile(f"the HSDS schema {path} is missing: set HSDS_SCHEMA_DIR.")
    properties = json.loads(path.read_text())["properties"]
    return {
        name: spec["type"]
        for name, spec in properties.items()
        if isinstance(spec, dict) and spec.get("type") in SCALARS
    }


class _Tables:
    def __init__(self):
        self.rows: dict[str, dict[str, dict]] = {table: {} for table in TABLES}

    def add(self, table: str, data: dict, **links) -> None:
        row = {name: data[name] for name in columns(table) if name in data}
        row.update({name: value for name, value in links.items() if name in columns(table)})
        self.rows[table].setdefault(str(row["id"]), row)

    def service(self, record: dict) -> None:
        service_id = record["id"]
        self.add("service", record, organization_id=record.get("organization_id"))
        if isinstance(record.get("organization"), dict):
            self.add("organization", record["organization"])
        for phone in record.get("phones") or []:
            self.phone(phone, service_id=service_id)
        for table, key in (
            ("schedule", "schedules"),
            ("service_area", "service_areas"),
            ("language", "languages"),
            ("cost_option", "cost_options"),
        ):
            for item in record.get(key) or []:
                self.add(table, item, service_id=service_id)
        self.attributes(record, "service")
        for link in record.get("service_at_locations") or []:
            location = link.get("location") or {}
            location_id = link.get("location_id") or location.get("id")
            self.add("service_at_location", link, service_id=service_id, location_id=location_id)
            for phone in link.get("phones") or []:
                self.phone(phone, service_id=service_id, location_id=location_id)
            if location:
                self.location(location)

    def location(self, location: dict) -> None:
        self.add("location", location)
        for table, key in (("address", "addresses"), ("schedule", "schedules")):
            for item in location.get(key) or []:
                self.add(table, item, location_id=location["id"])
        for item in location.get("accessibility") or []:
            self.add("accessibility", item, location_id=location["id"])
        for phone in location.get("phones") or []:
            self.phone(phone, location_id=location["id"])
        self.attributes(location, "location")

    def phone(self, phone: dict, **links) -> None:
        self.add("phone", phone, **links)
        for language in phone.get("languages") or []:
            self.add("language", language, phone_id=phone["id"])

    def attributes(self, record: dict, entity: str) -> None:
        for attribute in record.get("attributes") or []:
            self.add("attribute", attribute, link_id=record["id"], link_entity=entity)
            if isinstance(attribute.get("taxonomy_term"), dict):
                self.add("taxonomy_term", attribute["taxonomy_term"])


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def write_tables(folder: Path, records: Iterable[dict]) -> int:
    tables, count = _Tables(), 0
    for record in records:
        tables.service(record)
        count += 1
    folder.mkdir(parents=True, exist_ok=True)
    for table, rows in tables.rows.items():
        with (folder / f"{table}.csv").open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            names = list(columns(table))
            writer.writerow(names)
            for row in rows.values():
                writer.writerow([_cell(row.get(name)) for name in names])
    return count


def _typed(table: str, row: dict[str, str]) -> dict:
    types = columns(table)
    data: dict[str, object] = {}
    for name, text in row.items():
        if text in ("", None) or name not in types:
            continue
        kind = types[name]
        try:
            if kind == "integer":
                data[name] = int(text)
            elif kind == "number":
                number = float(text)
                data[name] = int(number) if number.is_integer() and "." not in text else number
            elif kind == "boolean":
                data[name] = text.lower() == "true"
            else:
                data[name] = text
        except ValueError:
            # Left as text: schema validation then names the cell's table, record and field.
            data[name] = text
    return data


def _read(folder: Path, table: str) -> list[dict]:
    path = folder / f"{table}.csv"
    if not path.exists():
        return []
    try:
        with path.open(newline="", encoding="utf-8-sig") as stream:
            return [_typed(table, row) for row in csv.DictReader(stream)]
    except UnicodeDecodeError:
        raise UnreadableFile(f"{path.name} is not UTF-8: save it as UTF-8 and try again.") from None
    except csv.Error as error:
        raise UnreadableFile(f"{path.name} is not a readable CSV file: {error}.") from None


def read_tables(folder: Path) -> list[dict]:
    """Full service records from a folder of HSDS CSV files."""
    if not (folder / "service.csv").exists():
        raise UnreadableFile(f"{folder} has no service.csv: not the HSDS tabular form.")
    data = {table: _read(folder, table) for table in TABLES}
    by_id = {table: {row["id"]: row for row in data[table] if "id" in row} for table in TABLES}
    children: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for table in TABLES:
        for row in data[table]:
            for link in ("service_id", "location_id", "phone_id", "link_id"):
                if link in row:
                    children[(table, link, row[link])].append(row)

    def without(rows: list[dict], *fields: str) -> list[dict]:
        return [row for row in rows if not any(field in row for field in fields)]

    def phones(**link) -> list[dict]:
        ((field, key),) = link.items()
        found = children[("phone", field, key)]
        return [{**p, "languages": children[("language", "phone_id", p["id"])]} for p in found]

    def attributes(key: str) -> list[dict]:
        found = []
        for attribute in children[("attribute", "link_id", key)]:
            term = by_id["taxonomy_term"].get(attribute.get("taxonomy_term_id"))
            found.append({**attribute, **({"taxonomy_term": term} if term else {})})
        return found

    def location(key: str) -> dict:
        row = by_id["location"].get(key, {"id": key})
        return {
            **row,
            "addresses": children[("address", "location_id", key)],
            "phones": without(phones(location_id=key), "service_id"),
            "schedules": without(children[("schedule", "location_id", key)], "service_id"),
            "accessibility": children[("accessibility", "location_id", key)],
            "attributes": attributes(key),
        }

    records = []
    for service in data["service"]:
        key = service["id"]
        record = {**service}
        organization = by_id["organization"].get(service.get("organization_id"))
        if organization:
            record["organization"] = organization
        record["phones"] = without(phones(service_id=key), "location_id")
        record["schedules"] = without(children[("schedule", "service_id", key)], "location_id")
        record["service_areas"] = children[("service_area", "service_id", key)]
        record["languages"] = without(children[("language", "service_id", key)], "phone_id")
        record["cost_options"] = children[("cost_option", "service_id", key)]
        record["attributes"] = attributes(key)
        record["service_at_locations"] = [
            {
                **link,
                "phones": [
                    p
                    for p in phones(service_id=key)
                    if p.get("location_id") == link.get("location_id")
                ],
                "location": location(link["location_id"]),
            }
            for link in children[("service_at_location", "service_id", key)]
            if "location_id" in link
        ]
        records.append(record)
    return records
