import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cas_directory.publishing import PublishableQuerySet, Status
from cas_directory.translation import in_language


class OrganizationQuerySet(PublishableQuerySet):
    def serving_county(self, county):
        """Organizations with a published service in `county` or statewide."""
        from organizations.models import Service

        services = Service.objects.published().filter(organization=OuterRef("pk"))
        return self.filter(Exists(services.filter(Q(is_statewide=True) | Q(counties=county))))

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
                queryset=services.prefetch_related(
                    "service_types", "languages", "counties", "phones"
                ).order_by("name"),
                to_attr="listed_services",
            ),
            Prefetch(
                "phones",
                queryset=Phone.objects.filter(service__isnull=True).order_by("sort_order", "pk"),
                to_attr="organization_phones",
            ),
            Prefetch(
                "locations",
                queryset=Location.objects.select_related("county").order_by("pk"),
                to_attr="listed_locations",
            ),
        )

    def for_detail(self):
        """Everything the organization page shows, in a fixed number of queries."""
        from organizations.models import Location, Phone, Schedule, Service

        return self.prefetch_related(
            Prefetch(
                "services",
                queryset=Service.objects.published()
                .prefetch_related(
                    "service_types",
                    "populations",
                    "languages",
                    "counties",
                    Prefetch("phones", queryset=Phone.objects.prefetch_related("languages")),
                    Prefetch("locations", queryset=Location.objects.only("pk", "name")),
                )
                .order_by("name"),
                to_attr="published_services",
            ),
            Prefetch(
                "locations",
                queryset=Location.objects.select_related("county").prefetch_related(
                    Prefetch(
                        "schedules", queryset=Schedule.objects.order_by("weekday", "opens_at")
                    ),
                    Prefetch("phones", queryset=Phone.objects.prefetch_related("languages")),
                ),
                to_attr="all_locations",
            ),
            Prefetch(
                "phones",
                queryset=Phone.objects.filter(service__isnull=True, location__isnull=True)
                .prefetch_related("languages")
                .order_by("sort_order", "pk"),
                to_attr="organization_phones",
            ),
        )


class Organization(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    alternate_name = models.CharField(_("alternate name"), max_length=200, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"))
    description_es = models.TextField(
        _("Spanish description"), blank=True, help_text=_("Shown on Spanish pages when present.")
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    last_verified_on = models.DateField(_("last verified on"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_sample = models.BooleanField(
        _("sample listing"),
        default=False,
        help_text=_("Fictional data for demonstration; labelled as such on every page."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        # Changing what the public sees is an editor's decision (admin_workflow).
        permissions = [("publish_organization", _("Can publish and archive organizations"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:detail", kwargs={"slug": self.slug})

    @property
    def display_description(self) -> str:
        return in_language(self.description, self.description_es)

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED
