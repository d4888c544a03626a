"""Where California has help and where it lacks it: published services by county and type.

Counts come from a fixed handful of grouped queries, whatever the number of
services; the county shapes are read once from organizations/data/county_shapes.json
(made by scripts/build_county_svg.py), so drawing the map costs no query and
no projection per request.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db.models import Count, F

from core.models import County
from core.page_cache import rows_until_change
from organizations.models import Service, ServiceType

SHAPES_FILE = Path(__file__).resolve().parent / "data" / "county_shapes.json"
# Shading steps by local services: none, one, a few, several.
LEVELS = [(0, 0), (1, 1), (2, 3), (4, None)]


@cache
def county_shapes() -> dict:
    return json.loads(SHAPES_FILE.read_text(encoding="utf-8"))


def level(count: int) -> int:
    for index, (low, high) in enumerate(LEVELS):
        if count >= low and (high is None or count <= high):
            return index
    return 0


@dataclass
class CountyCoverage:
    county: County
    local_by_type: dict[int, int] = field(default_factory=dict)
    local_total: int = 0
    shape: str = ""
    chosen_count: int = 0
    level: int = 0

    # In the order of Coverage.service_types, for the table.
    type_counts: list[int] = field(default_factory=list)


@dataclass
class Coverage:
    service_types: list[ServiceType]
    counties: list[CountyCoverage]
    statewide_by_type: dict[int, int]
    statewide_total: int
    chosen: ServiceType | None
    view_box: str

    @property
    def statewide_counts(self) -> list[int]:
        return [self.statewide_by_type.get(t.pk, 0) for t in self.service_types]

    @property
    def chosen_statewide(self) -> int:
        if self.chosen is None:
            return self.statewide_total
        return self.statewide_by_type.get(self.chosen.pk, 0)


def _local_counts(services, *, by_type: bool) -> dict:
    """{(county_id, type_id) or county_id: distinct local services}: one grouped query."""
    through = Service.counties.through
    links = through.objects.filter(service__in=services.local())
    if by_type:
        rows = links.values("county_id", type_id=F("service__service_types")).annotate(
            count=Count("service_id", distinct=True)
        )
        return {(row["county_id"], row["type_id"]): row["count"] for row in rows}
    rows = links.values("county_id").annotate(count=Count("service_id", distinct=True))
    return {row["county_id"]: row["count"] for row in rows}


def coverage(chosen: ServiceType | None = None) -> Coverage:
    """Every county with its local services per type, and the statewide ones per type."""
    published = Service.objects.published()
    # The reference rows every page reads already, in their own order (sort_order, name).
    service_types = rows_until_change(ServiceType.objects.all())
    by_type = _local_counts(published, by_type=True)
    totals = _local_counts(published, by_type=False)
    statewide = published.statewide()
    statewide_by_type = {
        row["type_id"]: row["count"]
        for row in statewide.values(type_id=F("service_types")).annotate(
            count=Count("pk", distinct=True)
        )
    }
    shapes = county_shapes()
    local_by_county: dict[int, dict[int, int]] = {}
    for (county_id, type_id), count in by_type.items():
        if type_id is not None:
            local_by_county.setdefault(county_id, {})[type_id] = count
    counties = []
    for county in rows_until_change(County.objects.all()):
        local = local_by_county.get(county.pk, {})
        total = totals.get(county.pk, 0)
        chosen_count = total if chosen is None else local.get(chosen.pk, 0)
        counties.append(
            CountyCoverage(
                county=county,
                local_by_type=local,
                local_total=total,
                shape=shapes["shapes"].get(county.slug, ""),
                chosen_count=chosen_count,
                level=level(chosen_count),
                type_counts=[local.get(t.pk, 0) for t in service_types],
            )
        )
    return Coverage(
        service_types=service_types,
        counties=counties,
        statewide_by_type=statewide_by_type,
        statewide_total=statewide.count(),
        chosen=chosen,
        view_box=shapes["view_box"],
    )
