"""A partner's taxonomy term -> one of our service types or populations.

Our own terms match by id (our export gives our uuids); a partner's through
the curator-edited TaxonomyMapping, by taxonomy and code, else by name. A
term that matches neither is reported once and left off: never created.
"""

from organizations.hsds.imports.report import Report
from organizations.models import Population, ServiceType, TaxonomyMapping


class TermResolver:
    def __init__(self, report: Report):
        self.report = report
        self.by_uuid: dict[str, tuple[str, int]] = {}
        for uuid, pk in ServiceType.objects.values_list("uuid", "pk"):
            self.by_uuid[str(uuid)] = ("service_type", pk)
        for uuid, pk in Population.objects.values_list("uuid", "pk"):
            self.by_uuid[str(uuid)] = ("population", pk)
        self.mapped: dict[tuple[str, str, str], tuple[str, int | None]] = {}
        for mapping in TaxonomyMapping.objects.all():
            target = (
                ("service_type", mapping.service_type_id)
                if mapping.service_type_id
                else ("population", mapping.population_id)
            )
            self.mapped[(mapping.taxonomy.lower(), mapping.code.lower(), mapping.name.lower())] = (
                target
            )
        self.reported: set[str] = set()

    def _mapping(self, taxonomy: str, code: str, name: str) -> tuple[str, int | None] | None:
        for key in (
            (taxonomy, code, ""),
            (taxonomy, code, name),
            (taxonomy, "", name),
            ("", "", name),
        ):
            if key in self.mapped and (key[1] or key[2]):
                return self.mapped[key]
        return None

    def resolve(self, term: dict, record: str) -> tuple[str, int | None] | None:
        ours = self.by_uuid.get(str(term.get("id")))
        if ours is not None:
            return ours
        taxonomy = str(term.get("taxonomy") or "").lower()
        code = str(term.get("code") or "").lower()
        name = str(term.get("name") or "").lower()
        found = self._mapping(taxonomy, code, name)
        if found is None:
            named = term.get("name") or term.get("code") or term.get("id")
            label = f"{named} (taxonomy {term.get('taxonomy') or 'unnamed'})"
            if label not in self.reported:
                self.reported.add(label)
                self.report.notes.append(
                    f"record {record}: unknown taxonomy term {label}; not kept "
                    "(a taxonomy mapping would keep it)"
                )
        return found
