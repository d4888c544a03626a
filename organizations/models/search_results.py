"""A search's organizations in the order results are shown, one page at a time.

One interface (`page()`, a `ResultsPage` of `Result`s: ids and plain values,
what the kept cards need) for the shapes of results: `GroupedResults` groups
the matching services by organization, which a keyword's relevance needs, and
counts every match; `FilteredResults` orders the organizations with a
matching service by their own columns, counted as windows. A place's listing
with no other filter is read in segments (`segmented_results`).
"""

from dataclasses import dataclass
from functools import cached_property

from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connections
from django.db.models import (
    Aggregate,
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    TextField,
    Value,
    When,
    Window,
)

from organizations.verification import stale_cutoff

# How far a browsed listing counts the organizations without an office in the
# county: past it the page says "more than", and the cost of a page stays flat
# however many statewide services the directory holds.
COUNT_LIMIT = 100


def stale_condition(today=None, prefix: str = "") -> Q:
    """Never verified, or not since `stale_cutoff()`, also from a related model (`prefix`)."""
    return Q(**{f"{prefix}last_verified_on__isnull": True}) | Q(
        **{f"{prefix}last_verified_on__lt": stale_cutoff(today)}
    )


def fresh_before_stale(prefix: str = ""):
    """The ordering key that puts stale listings after fresh ones (of organizations,
    or through `prefix` from a related model)."""
    return Case(
        When(stale_condition(prefix=prefix), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    ).asc()


def public_offices(county, organization_ref: str):
    """Public locations in `county` of the organization `organization_ref` points to.

    Confidential locations do not count, so the order cannot hint at where a shelter is.
    """
    from organizations.models import Location

    return (
        Location.objects.public()
        .in_counties([county])
        .filter(organization=OuterRef(organization_ref))
    )


def nearest_public_distance(near, organization_ref: str) -> Subquery:
    """Miles from `near` (latitude, longitude) to the closest public location of the
    organization `organization_ref` points to.

    Confidential locations take no part, so distances cannot point to a shelter.
    """
    from organizations.geo import miles_from
    from organizations.models import Location

    nearest = (
        Location.objects.public()
        .with_coordinates()
        .filter(organization=OuterRef(organization_ref))
        .annotate(miles=miles_from(*near))
        .order_by("miles")
        .values("miles")[:1]
    )
    return Subquery(nearest, output_field=FloatField())


@dataclass
class Result:
    """One organization on a page of results, with what its card is kept under
    (`organizations.cards`): which of its services matched (their ids, or None
    for all of its services among the search's), its distance and whether it
    has an office in the county searched."""

    pk: int
    service_ids: list[int] | None
    distance: float | None = None
    is_local: bool | None = None


@dataclass
class ResultsPage:
    """One page of results and what the page says about the rest.

    `total` and `local_count` are exact unless `exact` is false: then they are
    how many are known to exist, and the page says "more than".
    """

    results: list[Result]
    number: int
    total: int
    local_count: int | None
    exact: bool = True
    local_exact: bool = True

    @property
    def passed(self) -> int:
        """The round number an inexact `total` is known to pass, for "more than"."""
        return _passed(self.total)

    @property
    def local_passed(self) -> int:
        """The same for an inexact `local_count`."""
        return _passed(self.local_count or 0)


def _passed(count: int) -> int:
    """The largest multiple of `COUNT_LIMIT` below `count` (at least one row is known)."""
    return (max(count, 1) - 1) // COUNT_LIMIT * COUNT_LIMIT


def _ids(found) -> list[int]:
    """Ids as ARRAY_AGG gives them, or as GROUP_CONCAT's comma-separated text."""
    if isinstance(found, str):
        return [int(pk) for pk in found.split(",")]
    return found


class GroupConcat(Aggregate):
    """SQLite's GROUP_CONCAT of distinct values, for what ARRAY_AGG gives on PostgreSQL."""

    function = "GROUP_CONCAT"
    template = "%(function)s(DISTINCT %(expressions)s)"
    output_field = TextField()


def last_page(total: int, size: int) -> int:
    """The number of the last page of `total` results, `size` a page."""
    return -(-total // size)


class SearchResults:
    """What every shape shares: the matching services, and a page's results."""

    def __init__(self, organizations, services, *, county=None):
        self.organizations = organizations
        self.services = services
        self.county = county

    @cached_property
    def services_statement(self) -> tuple:
        """The SQL and parameters of the matching services: what a listing's statement
        is kept under, and what names the matching services on a kept card."""
        return self.services.query.sql_with_params()

    def page(self, number: int, size: int) -> ResultsPage:
        raise NotImplementedError

    def first_page_statements(self, size: int) -> dict[str, tuple]:
        """The SQL (and parameters) the first page runs to find its rows, by name,
        for EXPLAIN."""
        raise NotImplementedError

    def _matching(self):
        """Published organizations with one of the matching services."""
        return self.organizations.published().filter(
            Exists(self.services.filter(organization=OuterRef("pk")))
        )

    def _empty(self) -> ResultsPage:
        return ResultsPage([], 1, 0, 0 if self.county is not None else None)

    def _load(self, rows: list[dict]) -> list[Result]:
        """The results of `rows`, in their order. No organization is loaded: a
        card kept from an earlier page needs none (`organizations.cards`).

        A row may carry `service_ids`, the matching services found by the query
        that ordered them; without, its card shows the organization's services
        among `self.services`.
        """
        return [
            Result(
                row["organization_id"],
                sorted(_ids(row["service_ids"])) if "service_ids" in row else None,
                row.get("distance"),
                row.get("is_local"),
            )
            for row in rows
        ]


class GroupedResults(SearchResults):
    """Results ordered by a grouped query over the matching services, counted exactly.

    With a `county`, those with a public location there come first. Then nearest
    first when `near` (latitude, longitude) is given, distance to each
    organization's closest public location; best match first when `ranked` (the
    services carry a keyword search's `relevance`); else by name.
    """

    def __init__(self, organizations, services, *, near=None, ranked: bool = False, county=None):
        super().__init__(organizations, services, county=county)
        self.rows = self._rows(near, ranked)

    def _rows(self, near, ranked: bool):
        services = self.services
        if self.organizations.query.has_filters():
            services = services.filter(organization__in=self.organizations)
        # The count makes it a GROUP BY, one row per organization, in every case.
        rows = services.values(
            "organization_id", organization_name=F("organization__name")
        ).annotate(matching_services=Count("pk", distinct=True))
        order = []
        if self.county is not None:
            rows = rows.annotate(is_local=Exists(public_offices(self.county, "organization_id")))
            order.append(F("is_local").desc())
        # Within each group (local, statewide), listings not checked for a long time last.
        order.append(fresh_before_stale(prefix="organization__"))
        if near is not None:
            rows = rows.annotate(distance=nearest_public_distance(near, "organization_id"))
            order.append(F("distance").asc(nulls_last=True))
        if ranked:
            rows = rows.annotate(best_match=Max("relevance"))
            order.append(F("best_match").desc(nulls_last=True))
        return rows.order_by(*order, "organization_name", "organization_id")

    def count(self) -> int:
        return self.rows.count()

    def local_count(self) -> int | None:
        """How many have a public location in the county; None without a county."""
        if self.county is None:
            return None
        return self.rows.filter(is_local=True).count()

    def page(self, number: int, size: int) -> ResultsPage:
        """Page `number` (from 1) of `size` results; the last page when `number` is past the end.

        The count rides on the page's own query as a window, so a page costs
        one pass over the matches instead of two; only a page past the end
        needs a count of its own.
        """
        start = (number - 1) * size
        rows = list(
            self._with_services(self.rows).annotate(total=Window(Count("*")))[start : start + size]
        )
        if rows:
            return ResultsPage(self._load(rows), number, rows[0]["total"], self.local_count())
        total = self.count()
        if not total or number == 1:
            return ResultsPage([], 1, total, self.local_count())
        last = last_page(total, size)
        rows = list(self._with_services(self.rows)[(last - 1) * size : last * size])
        return ResultsPage(self._load(rows), last, total, self.local_count())

    def first_page_statements(self, size: int) -> dict[str, tuple]:
        page = self._with_services(self.rows).annotate(total=Window(Count("*")))[:size]
        statements = {"page": page.query.sql_with_params()}
        if self.county is not None:
            statements["local count"] = self.rows.filter(is_local=True).query.sql_with_params()
        return statements

    def _with_services(self, rows):
        """`rows` with the ids of each organization's matching services: an array on
        PostgreSQL, GROUP_CONCAT's text on SQLite (`_load()` reads both).

        Filtering by `services` again to find them would run the whole search
        a second time, 46 ms of a keyword search's 140 at 10,000 organizations.
        """
        if connections[rows.db].vendor == "postgresql":
            return rows.annotate(service_ids=ArrayAgg("pk", distinct=True))
        return rows.annotate(service_ids=GroupConcat("pk"))


class FilteredResults(SearchResults):
    """Organizations with a matching service, ordered by their own columns, counted exactly.

    Without a keyword nothing is ranked per service, so the query runs over
    organizations (one check of their services each) instead of grouping the
    matching services: at 100,000 listings a three-filter search took 47 ms
    instead of 107. With a `county`, those with a public location there come
    first; then fresh before stale, nearest first when `near` is given, then
    by name. The page's query also counts the matches and the local ones, as
    windows.
    """

    def __init__(self, organizations, services, *, near=None, county=None):
        super().__init__(organizations, services, county=county)
        self.rows = self._rows(near)

    def _rows(self, near):
        rows = self._matching()
        order = []
        if self.county is not None:
            rows = rows.annotate(is_local=Exists(public_offices(self.county, "pk")))
            order.append(F("is_local").desc())
        order.append(fresh_before_stale())
        if near is not None:
            rows = rows.annotate(distance=nearest_public_distance(near, "pk"))
            order.append(F("distance").asc(nulls_last=True))
        return rows.order_by(*order, "name", "pk")

    def _counted(self):
        names = ["pk"]
        counts = {"total": Window(Count("*"))}
        if self.county is not None:
            names.append("is_local")
            counts["local"] = Window(
                Sum(Case(When(is_local=True, then=Value(1)), default=Value(0)))
            )
        if "distance" in self.rows.query.annotations:
            names.append("distance")
        return self.rows.values(*names).annotate(**counts)

    def page(self, number: int, size: int) -> ResultsPage:
        start = (number - 1) * size
        rows = list(self._counted()[start : start + size])
        if not rows and number > 1:
            total = self.rows.count()
            if total:
                number = last_page(total, size)
                start = (number - 1) * size
                rows = list(self._counted()[start : start + size])
        if not rows:
            return self._empty()
        for row in rows:
            row["organization_id"] = row["pk"]
        first = rows[0]
        return ResultsPage(self._load(rows), number, first["total"], first.get("local"))

    def first_page_statements(self, size: int) -> dict[str, tuple]:
        return {"page": self._counted()[:size].query.sql_with_params()}
