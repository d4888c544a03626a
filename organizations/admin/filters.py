"""Changelist filters for listings. Each asks the models' QuerySet methods, so no row repeats."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import County, Term
from organizations.models import Population, Service, ServiceType
from organizations.verification import months_before


class VerificationAgeFilter(admin.SimpleListFilter):
    title = _("last verified")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [
            ("recent", _("Within 6 months")),
            ("over-6-months", _("Over 6 months ago")),
            ("over-12-months", _("Over 12 months ago")),
            ("never", _("Never")),
            ("due", _("Due for verification, or never verified")),
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
                return queryset.due_for_verification(today)
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
        if value == "statewide":
            return queryset.offering(Service.objects.statewide())
        return queryset.present_in(County.objects.filter(slug=value))


class _ServiceTermFilter(admin.SimpleListFilter):
    """Organizations with a service tagged with the chosen term."""

    # Set by each subclass.
    term_model: type[Term]
    rule = ""

    def lookups(self, request, model_admin):
        return list(self.term_model.objects.values_list("slug", "name"))

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        terms = self.term_model.objects.filter(slug=self.value())
        return queryset.offering(getattr(Service.objects, self.rule)(terms))


class ServiceTypeFilter(_ServiceTermFilter):
    title = _("service type")
    parameter_name = "service_type"
    term_model = ServiceType
    rule = "of_types"


class PopulationFilter(_ServiceTermFilter):
    title = _("population served")
    parameter_name = "population"
    term_model = Population
    rule = "for_populations"
