"""Results that are read in segments and counted only as far as a page needs.

A whole county's listing (or the state's), and a ZIP code's, match nearly
every organization: every statewide service serves every county. Ordering
and counting all of them cost more the bigger the directory; these read the
organizations in the order they are listed, segment after segment (with an
office in the county first, fresh before stale), and stop after
`COUNT_LIMIT` or the page's end, whichever is further. Past that the page
says "more than".

One query a page: a UNION ALL of the segments, each with its own ORDER BY
and LIMIT, under a LIMIT of its own. PostgreSQL and SQLite run a UNION ALL's
parts in order and stop at the LIMIT, so a segment after the ones that
filled it is never read: around a city, or in a county, its own offices
usually fill it, and the state's listings are never ordered at all.
"""

from django.db import connections
from django.db.models import Exists, F, Q, Value
from django.db.models.functions import Coalesce

from organizations.models.search_results import (
    COUNT_LIMIT,
    ResultsPage,
    SearchResults,
    last_page,
    nearest_public_distance,
    public_offices,
    stale_condition,
)
from organizations.verification import stale_cutoff

# Statements kept by SegmentedResults._query(): a county's, a ZIP code's, the state's,
# at a few page depths; the oldest goes first past this.
MAX_STATEMENTS = 512
_statements: dict[tuple, tuple[str, list]] = {}


class SegmentedResults(SearchResults):
    """Results read lazily in segments (`_segments()`), each in `order`; with a
    point `near`, each row carries its distance from it."""

    order: tuple = ("name", "pk")
    # The first two segments, those with an office in the county, in the same order.
    local_order: tuple = order
    near: tuple | None = None

    def _segments(self) -> list:
        """The organizations of each segment, in the order they are listed; with a
        county, the first two are those with an office there (fresh, then stale)."""
        organizations = self._matching()
        fresh, stale = Q(last_verified_on__gte=stale_cutoff()), stale_condition()
        if self.county is None:
            return [organizations.filter(fresh), organizations.filter(stale)]
        local = Exists(public_offices(self.county, "pk"))
        return [
            organizations.filter(local).filter(fresh),
            organizations.filter(local).filter(stale),
            organizations.exclude(local).filter(fresh),
            organizations.exclude(local).filter(stale),
        ]

    def _query(self, limit: int) -> tuple[str, list]:
        """The page's one statement, composed once a process for the same inputs.

        Building and compiling the segments through the ORM took 7 ms of a
        county page's 35 at 10,000 listings; the statement depends only on the
        SQL of the organizations and services it starts from, the shape, the
        county, the point searched from, the limit and the stale cut-off date,
        which is all the key holds.
        """
        key = (
            type(self),
            self.organizations.db,
            self.organizations.query.sql_with_params(),
            self.services_statement,
            None if self.county is None else self.county.pk,
            self.near,
            limit,
            stale_cutoff(),
        )
        try:
            return _statements[key]
        except KeyError:
            pass
        if len(_statements) >= MAX_STATEMENTS:
            _statements.pop(next(iter(_statements)))
        _statements[key] = statement = self._compose(limit)
        return statement

    def _compose(self, limit: int) -> tuple[str, list]:
        # Composed from the ORM's own SQL and integers only; every value is a parameter.
        parts, params = [], []
        columns = ("pk",) if self.near is None else ("pk", "distance")
        for index, organizations in enumerate(self._segments()):
            order = self.local_order if self.county is not None and index < 2 else self.order
            ordered = organizations.values(*columns).order_by(*order)[:limit]
            sql, segment_params = ordered.query.get_compiler(ordered.db).as_sql()
            alias = f"s{index}"
            distance = "NULL" if self.near is None else f'{alias}."distance"'
            parts.append(
                f'SELECT {alias}."pk" AS id, {distance} AS distance, '  # noqa: S608
                f"{index} AS segment FROM ({sql}) {alias}"
            )
            params += segment_params
        union = " UNION ALL ".join(parts)
        sql = f"SELECT id, distance, segment FROM ({union}) candidates LIMIT %s"  # noqa: S608
        return sql, [*params, limit]

    def page(self, number: int, size: int) -> ResultsPage:
        start = (number - 1) * size
        limit = max(COUNT_LIMIT, start + size) + 1
        sql, params = self._query(limit)
        with connections[self.organizations.db].cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        total, exact = len(fetched), len(fetched) < limit
        if start >= total and total:
            # Past the end: fewer than `limit` exist, so all were read; the last page.
            number = last_page(total, size)
            start = (number - 1) * size
        rows = [
            {
                "organization_id": pk,
                "distance": distance,
                "is_local": (segment < 2) if self.county is not None else None,
            }
            for pk, distance, segment in fetched[start : start + size]
        ]
        local_count = None
        local_exact = True
        if self.county is not None:
            local_count = sum(1 for _pk, _distance, segment in fetched if segment < 2)
            # The local segments were read to their end if a later one was reached.
            local_exact = exact or any(segment >= 2 for _pk, _distance, segment in fetched)
        if not rows:
            return self._empty()
        return ResultsPage(
            self._load(rows), number, total, local_count, exact, local_exact=local_exact
        )

    def first_page_statements(self, size: int) -> dict[str, tuple]:
        return {"page": self._query(max(COUNT_LIMIT, size) + 1)}


class BrowsedResults(SegmentedResults):
    """A whole county's (or the state's) organizations: local, then the rest, by name.

    Grouping would visit every matching service to order and count them, and
    every statewide service matches every county: 57 ms at 10,000
    organizations and 350 ms at 100,000. Each segment here is read along the
    `(name, id)` index, but the local ones from the county's locations: walking
    the index for them checked 7,041 organizations for an office to find 101
    at 100,000. Their order is the same, by an expression the index does not
    give (names are never null), so the planner starts from the locations.
    """

    local_order = (Coalesce("name", Value("")), "pk")


class NearbyResults(SegmentedResults):
    """A ZIP code's organizations: with an office in its county first, then the
    rest, nearest first within each (distance to the closest public location),
    fresh before stale.

    Ordering a segment by distance computes it for the whole segment; read
    lazily, only the segments a page reaches are ordered.
    """

    order = (F("distance").asc(nulls_last=True), "name", "pk")
    # No index gives a distance, so the planner starts the local ones from the county.
    local_order = order

    def __init__(self, organizations, services, *, near, county=None):
        super().__init__(organizations, services, county=county)
        self.near = near

    def _matching(self):
        return super()._matching().annotate(distance=nearest_public_distance(self.near, "pk"))
