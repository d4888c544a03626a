"""Counties and languages. Their `search_fields` also serve the listing autocompletes."""

from django.contrib import admin

from core.models import County, Language


@admin.register(County)
class CountyAdmin(admin.ModelAdmin):
    list_display = ["name", "fips", "latitude", "longitude"]
    search_fields = ["name", "fips"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["name", "name_es", "code", "sort_order"]
    search_fields = ["name", "name_es", "native_name", "code"]
