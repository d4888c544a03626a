"""The directory's vocabularies. Their `search_fields` also serve the listing autocompletes."""

from django.contrib import admin

from organizations.models import Population, ServiceType


@admin.register(ServiceType, Population)
class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "name_es", "sort_order"]
    search_fields = ["name", "name_es"]
    prepopulated_fields = {"slug": ["name"]}
