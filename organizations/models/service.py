import uuid
from datetime import date
from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from core.publishing import PublishableQuerySet, Status
from organizations import search_index
from organizations.models.service_at_location import ServiceAtLocation
from organizations.verification import intake_cutoff

if TYPE_CHECKING:
    from simple_history.manager import HistoryManager


class ServiceQuerySet(PublishableQuerySet):
    """The directory's rules about services, one method each.

    Search filters work on services: one service must meet them all.
    """

    def published(self):
        """A service is public only while its organization is too."""
        return super().published().filter(organization__status=Status.PUBLISHED)

    def _naming(self, counties) -> Exists:
        links = self.model.counties.through.objects.filter(service=OuterRef("pk"))
        return Exists(links.filter(county__in=counties))

    def in_counties(self, counties):
        """Services that name any of `counties` (a list or queryset of them)."""
        return self.filter(self._naming(counties))

    def statewide(self):
        return self.filter(is_statewide=True)

    def local(self):
        """Services for the counties they name, not for the whole state."""
        return self.filter(is_statewide=False)

    def serving(self, counties):
        """Services in any of `counties`, statewide ones included."""
        return self.filter(Q(is_statewide=True) | self._naming(counties))

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

    def free(self):
        return self.filter(is_free=True)

    def open_24_7(self):
        return self.filter(is_24_7=True)

    def accepting_referrals(self):
        return self.filter(accepts_referrals=True)

    def remote(self):
        """Services used by phone or online."""
        return self.filter(is_remote=True)

    def without_a_visit(self):
        """Statewide services and those used by phone or online."""
        return self.filter(Q(is_statewide=True) | Q(is_remote=True))

    def of_sample_organizations(self):
        return self.filter(organization__is_sample=True)

    def at_confidential_locations(self):
        """Services offered at a shelter or safe house."""
        links = ServiceAtLocation.objects.filter(service=OuterRef("pk")).at_confidential_locations()
        return self.filter(Exists(links))

    def with_current_intake_answer(self, today: date | None = None):
        """Services whose "accepting new clients" answer has not lapsed."""
        return self.filter(
            accepting_new_clients__isnull=False,
            accepting_new_clients_on__gte=intake_cutoff(today),
        )

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
        "core.Language",
        verbose_name=_("languages"),
        related_name="services",
        blank=True,
    )
    counties = models.ManyToManyField(
        "core.County",
        verbose_name=_("counties served"),
        related_name="services",
        blank=True,
    )
    locations = models.ManyToManyField(
        "organizations.Location",
        through="organizations.ServiceAtLocation",
        verbose_name=_("offered at"),
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
    accepting_new_clients = models.BooleanField(
        _("accepting new clients"),
        null=True,
        blank=True,
        help_text=_("Shown with its date; after 30 days without a new answer: “call to ask”."),
    )
    accepting_new_clients_on = models.DateField(
        _("accepting new clients: as of"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Stored search text, refreshed by organizations.signals (PostgreSQL only).
    search_document = SearchVectorField(null=True, editable=False)
    search_names = models.TextField(blank=True, default="", editable=False)

    # Registered in organizations/translation.py, after the translated fields exist.
    history: "HistoryManager"
    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["organization", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        indexes = [
            # A result's published services; the flags are the search form's tick boxes,
            # each selective enough (statewide, 24/7, ...) for a partial index.
            models.Index(
                fields=["organization", "name"],
                condition=models.Q(status=Status.PUBLISHED),
                name="service_published",
            ),
            models.Index(
                fields=["organization"],
                condition=models.Q(status=Status.PUBLISHED, is_statewide=True),
                name="service_statewide",
            ),
            models.Index(
                fields=["organization"],
                condition=models.Q(status=Status.PUBLISHED, is_remote=True),
                name="service_remote",
            ),
            models.Index(
                fields=["organization"],
                condition=models.Q(status=Status.PUBLISHED, is_24_7=True),
                name="service_247",
            ),
            models.Index(
                fields=["organization"],
                condition=models.Q(status=Status.PUBLISHED, is_free=True),
                name="service_free",
            ),
            models.Index(
                fields=["organization"],
                condition=models.Q(status=Status.PUBLISHED, accepts_referrals=True),
                name="service_referrals",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organization})"

    @property
    def has_current_intake_answer(self) -> bool:
        """The instance's side of `ServiceQuerySet.with_current_intake_answer()`."""
        return (
            self.accepting_new_clients is not None
            and self.accepting_new_clients_on is not None
            and self.accepting_new_clients_on >= intake_cutoff()
        )

    @property
    def intake_note(self) -> str:
        """ "Accepting new clients" as the public (and HSDS's status note) reads it:
        nothing for a service never asked, "call to ask" once the answer lapses."""
        if self.accepting_new_clients_on is None:
            return ""
        if not self.has_current_intake_answer:
            return str(_("Call to ask whether they are taking new clients."))
        day = formats.date_format(self.accepting_new_clients_on, "DATE_FORMAT")
        if self.accepting_new_clients:
            return str(_("Accepting new clients as of %(date)s.") % {"date": day})
        return str(_("Not accepting new clients as of %(date)s.") % {"date": day})
