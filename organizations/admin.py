from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from organizations.models import (
    County,
    Language,
    Location,
    Organization,
    Phone,
    Population,
    Schedule,
    Service,
    ServiceType,
    Suggestion,
)


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["name", "fips", "latitude", "longitude"]
    search_fields = ["name", "fips"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(ServiceType, Population)
class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "name_es", "sort_order"]
    search_fields = ["name", "name_es"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name", "name_es", "code", "sort_order"]
    search_fields = ["name", "name_es", "code"]


class ServiceInline(admin.StackedInline):
    model = Service
    extra = 0
    filter_horizontal = ["service_types", "populations", "languages", "counties"]


class LocationInline(admin.StackedInline):
    model = Location
    extra = 0
    autocomplete_fields = ["county"]


class PhoneInline(admin.TabularInline):
    model = Phone
    extra = 0
    fields = ["number", "extension", "kind", "description", "service", "location", "sort_order"]


@admin.register(Organization)
class OrganizationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "status", "last_verified_on", "is_sample"]
    list_filter = ["status", "is_sample"]
    search_fields = ["name", "alternate_name"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["verified_by"]
    # Django 6 makes https the default scheme; ask for it now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [ServiceInline, LocationInline, PhoneInline]


@admin.register(Schedule)
class ScheduleAdmin(admin.ModelAdmin):
    list_display = ["location", "weekday", "opens_at", "closes_at"]
    list_select_related = ["location"]


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["organization", "status", "created_at"]
    list_filter = ["status"]
    readonly_fields = ["organization", "message", "contact", "created_at"]
