import uuid
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.db import connections, models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.publishing import PublishableQuerySet, Status
from core.translation import in_every_language
from organizations.prefetch import as_prefetched, attach_terms
from organizations.verification import stale_cutoff, verification_cutoff

if TYPE_CHECKING:
    from simple_history.manager import HistoryManager

    from organizations.models import Phone, Service


class VerifiedVia(models.TextChoices):
    CURATOR = "curator", _("checked by CAS Directory")
    ORGANIZATION = "organization", _("confirmed by the organization")


# The reference terms each service shows on a result card and on the organization page.
LISTING_TERMS = ("service_types", "languages", "counties")
DETAIL_TERMS = ("service_types", "populations", "languages", "counties")


class OrganizationQuerySet(PublishableQuerySet):
    def offering(self, services):
        """Organizations with at least one of `services` (a Service queryset)."""
        return self.filter(Exists(services.filter(organization=OuterRef("pk"))))

    def serving_county(self, county):
        """Organizations with a published service in `county` or statewide."""
        from organizations.models import Service

        return self.offering(Service.objects.published().serving([county]))

    def due_for_verification(self, today: date | None = None):
        """Never verified, or last verified before `verification_cutoff()`."""
        return self.filter(
            Q(last_verified_on__isnull=True) | Q(last_verified_on__lt=verification_cutoff(today))
        )

    def needing_verification_request(self, today: date | None = None):
        """Published, due, not yet asked this cycle, and not at an address that bounced."""
        from organizations.models.verification_request import (
            has_bounced_address,
            has_request_this_cycle,
        )

        return (
            self.published()
            .due_for_verification(today)
            .exclude(has_request_this_cycle(today))
            .exclude(has_bounced_address())
        )

    def with_requests(self, requests):
        """Organizations with one of `requests` (a VerificationRequest queryset)."""
        from organizations.models.verification_request import request_exists

        return self.filter(request_exists(requests))

    def without_answer(self, today: date | None = None):
        """Reminded and still silent: the curators' "no answer" queue."""
        from organizations.models import VerificationRequest

        return self.with_requests(VerificationRequest.objects.without_answer(today))

    def stale(self, today: date | None = None):
        """Never verified, or not for `STALE_AFTER_MONTHS`: said plainly in public."""
        return self.filter(stale_condition(today))

    def present_in(self, counties):
        """With a service that names one of `counties`, or a location there: how
        curators look at a county."""
        from organizations.models import Location, Service

        services = Service.objects.in_counties(counties).filter(organization=OuterRef("pk"))
        locations = Location.objects.in_counties(counties).filter(organization=OuterRef("pk"))
        return self.filter(Exists(services) | Exists(locations))

    def search_results(
        self, services, *, near=None, ranked: bool = False, county=None
    ) -> "SearchResults":
        """The organizations offering any of `services`, in the order results are shown.

        With a `county`, those with a public location there come first (see
        `SearchResults.local_first`). Then nearest first when `near`
        (latitude, longitude) is given, distance to each organization's
        closest public location; best match first when `ranked` (the services
        carry a keyword search's `relevance`); else by name. Count it and
        slice it: each slice loads its organizations for result cards,
        showing only the services among `services`.
        """
        return SearchResults(self, services, near=near, ranked=ranked, county=county)

    def for_listing(self, services=None):
        """Everything a result card shows, in a fixed number of queries.

        `services` narrows which of each organization's services are shown
        (for instance the ones that matched a search); published ones by default.
        """
        from organizations.models import Location, Phone, Service

        if services is None:
            services = Service.objects.published()
        return self.prefetch_related(
            Prefetch(
                "services",
                # Types, languages and counties: attach_terms() in SearchResults._load().
                queryset=services.prefetch_related("phones").order_by("name"),
                to_attr="listed_services",
            ),
            Prefetch(
                "phones",
                queryset=Phone.objects.outside_services(),
                to_attr="listed_phones",
            ),
            Prefetch("locations", queryset=Location.objects.select_related("county")),
        )

    def for_detail(self):
        """Everything the organization page shows, in a fixed number of queries.

        The organization's phones are read once, with their languages; call
        `share_phones()` on each organization loaded to hand them out.
        """
        from organizations.models import Location, Phone, Service

        phones = Phone.objects.prefetch_related("languages")
        return self.prefetch_related(
            Prefetch(
                "services",
                queryset=Service.objects.published()
                .prefetch_related(
                    Prefetch(
                        "locations",
                        queryset=Location.objects.only("pk", "name", *in_every_language("name")),
                    ),
                )
                .order_by("name"),
                to_attr="published_services",
            ),
            Prefetch(
                "locations",
                queryset=Location.objects.select_related("county").prefetch_related("schedules"),
            ),
            Prefetch("phones", queryset=phones, to_attr="all_phones"),
        )


def stale_condition(today: date | None = None, prefix: str = "") -> Q:
    """`OrganizationQuerySet.stale()` as a condition, also from a related model (`prefix`)."""
    return Q(**{f"{prefix}last_verified_on__isnull": True}) | Q(
        **{f"{prefix}last_verified_on__lt": stale_cutoff(today)}
    )


def fresh_before_stale():
    """The search results' ordering key that puts stale listings after fresh ones."""
    return Case(
        When(stale_condition(prefix="organization__"), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    ).asc()


class SearchResults:
    """A search's organizations in order, loaded one slice at a time.

    The order comes from one grouped query over the matching services (one
    row per organization, whatever their number); only the organizations of
    the slice asked for are then loaded, with what their cards show.
    """

    def __init__(self, organizations, services, *, near, ranked: bool, county=None):
        self.organizations = organizations
        self.services = services
        self.county = county
        self.rows = self._rows(near, ranked)

    @staticmethod
    def local_first(rows, county):
        """Rows marked `is_local` (a public location in `county`) and the order key
        that puts them before the statewide, remote and out-of-county ones.

        A visitor looking in a county can walk into these; the others help by
        phone, online or from elsewhere. Confidential locations do not count,
        so the order cannot hint at where a shelter is.
        """
        from organizations.models import Location

        offices = (
            Location.objects.public()
            .in_counties([county])
            .filter(organization=OuterRef("organization_id"))
        )
        return rows.annotate(is_local=Exists(offices)), F("is_local").desc()

    def _rows(self, near, ranked: bool):
        from organizations.geo import miles_from
        from organizations.models import Location

        services = self.services
        if self.organizations.query.has_filters():
            services = services.filter(organization__in=self.organizations)
        # The count makes it a GROUP BY, one row per organization, in every case.
        rows = services.values(
            "organization_id", organization_name=F("organization__name")
        ).annotate(matching_services=Count("pk", distinct=True))
        order = []
        if self.county is not None:
            rows, local_key = self.local_first(rows, self.county)
            order.append(local_key)
        # Within each group (local, statewide), listings not checked for a long time last.
        order.append(fresh_before_stale())
        if near is not None:
            # Confidential locations take no part, so distances cannot point to a shelter.
            nearest = (
                Location.objects.public()
                .with_coordinates()
                .filter(organization=OuterRef("organization_id"))
                .annotate(miles=miles_from(*near))
                .order_by("miles")
                .values("miles")[:1]
            )
            rows = rows.annotate(distance=Subquery(nearest, output_field=FloatField()))
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

    def __len__(self) -> int:
        return self.count()

    def page(self, number: int, size: int) -> tuple[list, int, int]:
        """Page `number` (from 1) of `size` results, the number of results, and the
        page's number: the last page's when `number` is past the end.

        The count rides on the page's own query as a window, so a page costs
        one pass over the matches instead of two; only a page past the end
        needs a count of its own.
        """
        start = (number - 1) * size
        rows = list(
            self._with_services(self.rows).annotate(total=Window(Count("*")))[start : start + size]
        )
        if rows:
            return self._load(rows), rows[0]["total"], number
        total = self.count()
        if not total or number == 1:
            return [], total, 1
        last = -(-total // size)
        return self[(last - 1) * size : last * size], total, last

    def __getitem__(self, page: slice) -> list:
        return self._load(list(self._with_services(self.rows)[page]))

    def _with_services(self, rows):
        """`rows` with the ids of each organization's matching services, on PostgreSQL.

        The cards then load those services by id: filtering by `services`
        again would run the whole search a second time, 46 ms of a keyword
        search's 140 at 10,000 organizations.
        """
        if connections[rows.db].vendor != "postgresql":
            return rows
        return rows.annotate(service_ids=ArrayAgg("pk", distinct=True))

    def _load(self, rows: list[dict]) -> list:
        services = self.services
        if rows and "service_ids" in rows[0]:
            services = self.services.model.objects.filter(
                pk__in=[pk for row in rows for pk in row["service_ids"]]
            )
        found = (
            self.organizations.model.objects.filter(pk__in=[row["organization_id"] for row in rows])
            .for_listing(services=services)
            .in_bulk()
        )
        attach_terms(
            [
                service
                for organization in found.values()
                for service in organization.listed_services
            ],
            LISTING_TERMS,
        )
        organizations = []
        for row in rows:
            organization = found[row["organization_id"]]
            organization.distance = row.get("distance")
            organization.is_local = row.get("is_local")
            organizations.append(organization)
        return organizations


class Organization(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    alternate_name = models.CharField(_("alternate name"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"))
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    last_verified_on = models.DateField(_("last verified on"), null=True, blank=True)
    verified_via = models.CharField(
        _("verified by whom"),
        max_length=12,
        choices=VerifiedVia.choices,
        blank=True,
        help_text=_("Who confirmed the listing on its last verified date."),
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Never shown publicly, never in the HSDS API or an export (tests/test_verification_privacy.py).
    verification_email = models.EmailField(
        _("verification contact email"),
        blank=True,
        help_text=_("Where requests to confirm this listing are sent. Never shown to the public."),
    )
    verification_language = models.CharField(
        _("verification contact's language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="en",
    )
    is_sample = models.BooleanField(
        _("sample listing"),
        default=False,
        help_text=_("Fictional data for demonstration; labelled as such on every page."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Registered in organizations/translation.py, after the translated fields exist.
    history: "HistoryManager"
    objects = OrganizationQuerySet.as_manager()

    # Lists that Prefetch(to_attr=...) fills, only on organizations loaded by a query that
    # names them (for_listing(), for_detail(), the HSDS API's queries, the spreadsheets).
    listed_services: list["Service"]
    listed_phones: list["Phone"]
    published_services: list["Service"]
    organization_phones: list["Phone"]
    all_phones: list["Phone"]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        indexes = [
            # Results in alphabetical order, and the sitemap's pages in key order.
            models.Index(
                fields=["name", "id"],
                condition=models.Q(status=Status.PUBLISHED),
                name="organization_published_name",
            ),
            models.Index(
                fields=["id"],
                condition=models.Q(status=Status.PUBLISHED),
                name="organization_published",
            ),
        ]
        # Changing what the public sees is an editor's decision (admin_workflow).
        permissions = [("publish_organization", _("Can publish and archive organizations"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:detail", kwargs={"slug": self.slug})

    def share_phones(self) -> None:
        """After `for_detail()`: the organization's own numbers, and each published
        service's and location's, from the one list of its phones; and the
        services' reference terms (organizations.prefetch)."""
        phones = self.all_phones
        self.organization_phones = [phone for phone in phones if phone.is_organization_level]
        for service in self.published_services:
            as_prefetched(service, "phones", [p for p in phones if p.service_id == service.pk])
        for location in self.locations.all():
            as_prefetched(location, "phones", [p for p in phones if p.location_id == location.pk])
        attach_terms(self.published_services, DETAIL_TERMS)

    @property
    def place_names(self) -> list[str]:
        """ "City (County)" once per place, from the prefetched locations: two sites in
        one town (an office and a shelter) are one place on a result card."""
        names = []
        for location in self.locations.all():
            name = f"{location.city} ({location.county.display_name})"
            if name not in names:
                names.append(name)
        return names

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_due_for_verification(self) -> bool:
        """The instance's side of `OrganizationQuerySet.due_for_verification()`."""
        return self.last_verified_on is None or self.last_verified_on < verification_cutoff()

    @property
    def is_stale(self) -> bool:
        """The instance's side of `OrganizationQuerySet.stale()`."""
        return self.last_verified_on is None or self.last_verified_on < stale_cutoff()

    @property
    def confirmed_by_organization(self) -> bool:
        return self.verified_via == VerifiedVia.ORGANIZATION
