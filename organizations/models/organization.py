import uuid
from datetime import date
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    Q,
)
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.publishing import PublishableQuerySet, Status
from core.translation import in_every_language
from organizations.models.search_results import (
    FilteredResults,
    GroupedResults,
    SearchResults,
    stale_condition,
)
from organizations.models.segmented_results import BrowsedResults, NearbyResults
from organizations.prefetch import as_prefetched, attach_terms
from organizations.verification import stale_cutoff, verification_cutoff

if TYPE_CHECKING:
    from simple_history.manager import HistoryManager

    from organizations.models import Phone, Service


class VerifiedVia(models.TextChoices):
    CURATOR = "curator", _("checked by CAS Directory")
    ORGANIZATION = "organization", _("confirmed by the organization")


# The reference terms each service shows on the organization page.
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
        self, services, *, near=None, ranked: bool = False, county=None, browsing: bool = False
    ) -> "SearchResults":
        """The organizations offering any of `services`, in the order results are shown.

        With a `county`, those with a public location there come first. Then
        nearest first when `near` (latitude, longitude) is given, best match
        first when `ranked` (the services carry a keyword search's
        `relevance`), else by name; listings not checked for a long time last
        within each group. A keyword's ranking groups the matching services
        (`GroupedResults`); otherwise organizations are ordered by their own
        columns (`FilteredResults`), and when `browsing` says that `services`
        are only a place's (a county, a ZIP code, or the state), so that nearly
        every listing matches, read in segments and counted only so far
        (`BrowsedResults`, `NearbyResults`).
        """
        if ranked:
            return GroupedResults(self, services, near=near, ranked=True, county=county)
        if browsing:
            if near is not None:
                return NearbyResults(self, services, near=near, county=county)
            return BrowsedResults(self, services, county=county)
        return FilteredResults(self, services, near=near, county=county)

    def for_listing(self, services=None):
        """Everything a result card shows, in a fixed number of queries; call
        `share_listed_phones()` on each organization loaded to hand out its phones.

        `services` narrows which of each organization's services are shown
        (for instance the ones that matched a search); published ones by default.
        """
        from organizations.models import Location, Phone, Service

        if services is None:
            services = Service.objects.published()
        return self.prefetch_related(
            Prefetch(
                "services",
                # Types, languages and counties: attach_terms(), for the cards rendered
                # (organizations.cards).
                queryset=services.order_by("name"),
                to_attr="listed_services",
            ),
            # The organization's and its locations' numbers and those of every service,
            # in one query: share_listed_phones() keeps those of the services shown.
            Prefetch("phones", queryset=Phone.objects.all(), to_attr="all_phones"),
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
    # What a search's result gave the organization its card shows (organizations.cards).
    distance: float | None
    is_local: bool | None

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

    def share_listed_phones(self) -> None:
        """After `for_listing()`: the numbers outside services, and each listed
        service's, from the one list of its phones."""
        phones = self.all_phones
        self.listed_phones = [phone for phone in phones if phone.service_id is None]
        for service in self.listed_services:
            as_prefetched(service, "phones", [p for p in phones if p.service_id == service.pk])

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
