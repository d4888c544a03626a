import uuid

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Count, Exists, F, Max, Min, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cas_directory.publishing import PublishableQuerySet, Status
from cas_directory.translation import in_language
from organizations import search_index


class ServiceQuerySet(PublishableQuerySet):
    """Search filters work on services: one service must meet them all."""

    def published(self):
        """A service is public only while its organization is too."""
        return super().published().filter(organization__status=Status.PUBLISHED)

    def serving(self, county):
        """Services in `county`, statewide ones included."""
        through = self.model.counties.through
        in_county = through.objects.filter(service=OuterRef("pk"), county=county)
        return self.filter(Q(is_statewide=True) | Exists(in_county))

    def of_types(self, service_types):
        """Services of any of `service_types`."""
        through = self.model.service_types.through
        return self.filter(
            Exists(through.objects.filter(service=OuterRef("pk"), servicetype__in=service_types))
        )

    def for_populations(self, populations):
        """Services for any of `populations`."""
        through = self.model.populations.through
        return self.filter(
            Exists(through.objects.filter(service=OuterRef("pk"), population__in=populations))
        )

    def in_language(self, language):
        through = self.model.languages.through
        return self.filter(
            Exists(through.objects.filter(service=OuterRef("pk"), language=language))
        )

    def without_a_visit(self):
        """Statewide services and those used by phone or online."""
        return self.filter(Q(is_statewide=True) | Q(is_remote=True))

    def per_organization(self, near=None, ranked=False):
        """One row per organization offering any of these services, to order results by.

        Each row has `organization_id` and `organization_name`; with `near` (latitude,
        longitude) also `distance`, in miles to the organization's nearest
        location with a public address (confidential ones take no part, so
        distances cannot point to a shelter); with `ranked` also `best_match`,
        the relevance of its best-matching service. One pass over the services,
        however many organizations match.
        """
        from organizations.geo import miles_from

        # The count makes it a GROUP BY, one row per organization, in every case.
        rows = self.values("organization_id", organization_name=F("organization__name")).annotate(
            matching_services=Count("pk", distinct=True)
        )
        if near is not None:
            public = Q(
                organization__locations__is_confidential=False,
                organization__locations__latitude__isnull=False,
            )
            rows = rows.annotate(
                distance=Min(miles_from(*near, prefix="organization__locations__"), filter=public)
            )
        if ranked:
            rows = rows.annotate(best_match=Max("relevance"))
        return rows

    def matching_keyword(self, query):
        """Services whose own text, types or organization match `query`, with `relevance`."""
        return search_index.search_services(self, query)


class Service(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="services",
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    description_es = models.TextField(_("Spanish description"), blank=True)
    service_types = models.ManyToManyField(
        "organizations.ServiceType", verbose_name=_("service types"), related_name="services"
    )
    populations = models.ManyToManyField(
        "organizations.Population",
        verbose_name=_("populations served"),
        related_name="services",
        blank=True,
    )
    languages = models.ManyToManyField(
        "organizations.Language",
        verbose_name=_("languages"),
        related_name="services",
        blank=True,
    )
    counties = models.ManyToManyField(
        "organizations.County",
        verbose_name=_("counties served"),
        related_name="services",
        blank=True,
    )
    is_statewide = models.BooleanField(
        _("statewide"), default=False, help_text=_("Serves every California county.")
    )
    is_remote = models.BooleanField(
        _("by phone or online"),
        default=False,
        help_text=_("Can be used without visiting a location."),
    )
    eligibility = models.TextField(_("eligibility"), blank=True)
    fees = models.TextField(_("fees"), blank=True)
    is_free = models.BooleanField(_("free of charge"), default=False)
    how_to_get_help = models.TextField(_("how to get help"), blank=True)
    accepts_referrals = models.BooleanField(_("accepts referrals"), default=False)
    is_24_7 = models.BooleanField(_("open 24/7"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Stored search text, refreshed by organizations.signals (PostgreSQL only).
    search_document = SearchVectorField(null=True, editable=False)
    search_names = models.TextField(blank=True, default="", editable=False)

    history = HistoricalRecords(excluded_fields=["search_document", "search_names"])
    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["organization", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return f"{self.name} ({self.organization})"

    @property
    def display_description(self) -> str:
        return in_language(self.description, self.description_es)
