"""Changelist filters for listings. Related filters use EXISTS, so no row repeats."""

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cas_directory.admin_workflow import REVERIFY_AFTER_MONTHS, months_before, unverified_since
from organizations.models import County, Location, Population, Service, ServiceType


class VerificationAgeFilter(admin.SimpleListFilter):
    title = _("last verified")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [
            ("recent", _("Within 6 months")),
            ("over-6-months", _("Over 6 months ago")),
            ("over-12-months", _("Over 12 months ago")),
            ("never", _("Never")),
            ("due", _("Due: over 12 months ago or never")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        match self.value():
            case "recent":
                return queryset.filter(last_verified_on__gte=months_before(today, 6))
            case "over-6-months":
                return queryset.filter(last_verified_on__lt=months_before(today, 6))
            case "over-12-months":
                return queryset.filter(last_verified_on__lt=months_before(today, 12))
            case "never":
                return queryset.filter(last_verified_on__isnull=True)
            case "due":
                return queryset.filter(unverified_since(REVERIFY_AFTER_MONTHS, today))
        return queryset


class CountyFilter(admin.SimpleListFilter):
    """Organizations with a service in the county or a location there."""

    title = _("county")
    parameter_name = "county"

    def lookups(self, request, model_admin):
        return [("statewide", _("Statewide services")), *County.objects.values_list("slug", "name")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        services = Service.objects.filter(organization=OuterRef("pk"))
        if value == "statewide":
            return queryset.filter(Exists(services.filter(is_statewide=True)))
        locations = Location.objects.filter(organization=OuterRef("pk"), county__slug=value)
        return queryset.filter(
            Q(Exists(services.filter(counties__slug=value))) | Q(Exists(locations))
        )


class _ServiceTermFilter(admin.SimpleListFilter):
    """Organizations with a service tagged with the chosen term."""

    term_model = None
    lookup = ""

    def lookups(self, request, model_admin):
        return list(self.term_model.objects.values_list("slug", "name"))

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        services = Service.objects.filter(
            organization=OuterRef("pk"), **{f"{self.lookup}__slug": self.value()}
        )
        return queryset.filter(Exists(services))


class ServiceTypeFilter(_ServiceTermFilter):
    title = _("service type")
    parameter_name = "service_type"
    term_model = ServiceType
    lookup = "service_types"


class PopulationFilter(_ServiceTermFilter):
    title = _("population served")
    parameter_name = "population"
    term_model = Population
    lookup = "populations"
