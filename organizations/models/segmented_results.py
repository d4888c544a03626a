"""Results that are read in segments and counted only as far as a page needs.

A whole county's listing (or the state's), and a ZIP code's, match nearly
every organization: every statewide service serves every county. Ordering
and counting all of them cost more the bigger the directory; these read the
organizations in the order they are listed, segment after segment (with an
office in the county first, fresh before stale), and stop after
`COUNT_LIMIT` or the page's end, whichever is further. Past that the page
says "more than".
"""

from django.db import connections
from django.db.models import Exists, F, FloatField, OuterRef, Q, Subquery

from organizations.models.search_results import (
    COUNT_LIMIT,
    ResultsPage,
    SearchResults,
    public_offices,
    stale_condition,
)
from organizations.verification import stale_cutoff


class BrowsedResults(SearchResults):
    """A whole county's (or the state's) organizations: local, then the rest, by name.

    Grouping would visit every matching service to order and count them, and
    every statewide service matches every county: 57 ms at 10,000
    organizations and 350 ms at 100,000. Instead the organizations are taken
    in segments, each in alphabetical order (an index), in one query: with a
    county, fresh and then stale listings with an office there (all of them:
    they are few), then fresh and stale ones without. The segments without an
    office stop after `COUNT_LIMIT` (or the page's end, if further), so a page
    reads about that many organizations whatever the directory's size.
    """

    def _segments(self) -> list[tuple]:
        """(organizations, limited) in the order they are listed."""
        organizations = self.organizations.published().filter(
            Exists(self.services.filter(organization=OuterRef("pk")))
        )
        fresh, stale = Q(last_verified_on__gte=stale_cutoff()), stale_condition()
        if self.county is None:
            return [(organizations.filter(fresh), True), (organizations.filter(stale), True)]
        local = Exists(public_offices(self.county, "pk"))
        return [
            (organizations.filter(local).filter(fresh), False),
            (organizations.filter(local).filter(stale), False),
            (organizations.exclude(local).filter(fresh), True),
            (organizations.exclude(local).filter(stale), True),
        ]

    def _query(self, segments: list[tuple], start: int, size: int, limit: int) -> tuple[str, list]:
        """The page's rows, each with every segment's size (as far as it was read)."""
        # Composed from the ORM's own SQL and integers only; every value is a parameter.
        parts, params = [], []
        for index, (organizations, limited) in enumerate(segments):
            organizations = organizations.values("pk", "name")
            if limited:
                organizations = organizations.order_by("name", "pk")[:limit]
            else:
                organizations = organizations.order_by()
            sql, segment_params = organizations.query.get_compiler(organizations.db).as_sql()
            parts.append(
                f'SELECT s{index}."pk" AS id, s{index}."name" AS name, {index} AS segment '  # noqa: S608
                f"FROM ({sql}) s{index}"
            )
            params += segment_params
        sizes = ", ".join(
            f"SUM(CASE WHEN segment = {index} THEN 1 ELSE 0 END) OVER () AS size_{index}"
            for index in range(len(segments))
        )
        sql = (
            f"SELECT id, segment, {sizes} FROM ({' UNION ALL '.join(parts)}) candidates "  # noqa: S608
            "ORDER BY segment, name, id LIMIT %s OFFSET %s"
        )
        return sql, [*params, size, start]

    def first_page_statements(self, size: int) -> dict[str, tuple]:
        return {"page": self._query(self._segments(), 0, size, max(COUNT_LIMIT, size) + 1)}

    def _fetch(self, start: int, size: int, limit: int = 0) -> tuple[list, list[int], bool]:
        """The page's rows, the segments' sizes, and whether those are exact.

        A segment is read up to `limit` organizations, by default `COUNT_LIMIT`
        or the page's end, and one more to tell whether it goes on.
        """
        limit = max(limit, COUNT_LIMIT, start + size) + 1
        segments = self._segments()
        sql, params = self._query(segments, start, size, limit)
        with connections[self.organizations.db].cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        if not fetched:
            return [], [], True
        sizes = [int(value) for value in fetched[0][2:]]
        exact = not any(
            limited and n >= limit
            for (_organizations, limited), n in zip(segments, sizes, strict=True)
        )
        rows = [
            {
                "organization_id": row[0],
                "is_local": (row[1] < 2) if self.county is not None else None,
            }
            for row in fetched
        ]
        return rows, sizes, exact

    def page(self, number: int, size: int) -> ResultsPage:
        start = (number - 1) * size
        rows, sizes, exact = self._fetch(start, size)
        if not rows and number > 1:
            # Past the end: fewer than `start` exist, so counting that far is exact;
            # then the last page.
            _first, sizes, exact = self._fetch(0, 1, limit=start)
            if sizes:
                number = -(-sum(sizes) // size)
                rows, sizes, exact = self._fetch((number - 1) * size, size)
        if not rows:
            return ResultsPage([], 1, 0, 0 if self.county is not None else None)
        local = sum(sizes[:2]) if self.county is not None else None
        # A shown count, when not exact, is one that is known to be passed.
        return ResultsPage(self._load(rows), number, sum(sizes), local, exact)


class NearbyResults(SearchResults):
    """A ZIP code's organizations: with an office in its county first, then the
    rest, nearest first within each, fresh before stale.

    Distances need computing for every organization of a segment to order it,
    so the segments are read lazily: the query stops once `COUNT_LIMIT` rows
    (or the page's end) are found, and later segments are then never read.
    Around a city the local offices alone fill that, so a page costs what its
    county's offices do, not what the state's listings do. PostgreSQL and
    SQLite both run a UNION ALL's parts in order and stop at the LIMIT; each
    part also has its own ORDER BY and LIMIT, so its rows come in order.
    """

    def __init__(self, organizations, services, *, near, county=None):
        super().__init__(organizations, services, county=county)
        self.near = near

    def _segments(self) -> list:
        from organizations.geo import miles_from
        from organizations.models import Location

        nearest = (
            Location.objects.public()
            .with_coordinates()
            .filter(organization=OuterRef("pk"))
            .annotate(miles=miles_from(*self.near))
            .order_by("miles")
            .values("miles")[:1]
        )
        organizations = (
            self.organizations.published()
            .filter(Exists(self.services.filter(organization=OuterRef("pk"))))
            .annotate(distance=Subquery(nearest, output_field=FloatField()))
        )
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
        # Composed from the ORM's own SQL and integers only; every value is a parameter.
        parts, params = [], []
        for index, organizations in enumerate(self._segments()):
            ordered = organizations.values("pk", "distance").order_by(
                F("distance").asc(nulls_last=True), "name", "pk"
            )[:limit]
            sql, segment_params = ordered.query.get_compiler(ordered.db).as_sql()
            parts.append(
                f'SELECT s{index}."pk" AS id, s{index}."distance" AS distance, '  # noqa: S608
                f"{index} AS segment FROM ({sql}) s{index}"
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
            number = -(-total // size)
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
            return ResultsPage([], 1, 0, 0 if self.county is not None else None)
        return ResultsPage(
            self._load(rows), number, total, local_count, exact, local_exact=local_exact
        )

    def first_page_statements(self, size: int) -> dict[str, tuple]:
        return {"page": self._query(max(COUNT_LIMIT, size) + 1)}
