"""The parts of a listing edited on the organization's own page.

Hours are a text box on each location (see hours.py) rather than a nested
inline: Django's admin cannot nest inlines, and typing "Mon-Fri 9:00-17:00"
once beats filling seven rows, so curators never leave the page.
"""

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from organizations.admin.forms import LocationForm
from organizations.admin.widgets import ReferenceAutocompleteMixin
from organizations.models import Location, Phone, Service

# The mixin is only ever mixed into an inline: the type checker sees it as one.
if TYPE_CHECKING:
    _InlineAdmin = admin.options.InlineModelAdmin
else:
    _InlineAdmin = object


class OrganizationChoicesMixin(_InlineAdmin):
    """Select boxes limited to this organization's services and locations.

    The choices are read once per page and shared by every form of the
    formset, instead of one query per form and field.
    """

    def organization_choices(self, obj) -> dict:
        return {}

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        for name, queryset in self.organization_choices(obj).items():
            # A model choice field, typed Any: its label method and its lazily computed
            # choices are replaced on the instance, which their declared types forbid.
            field: Any = formset.form.base_fields.get(name)
            if field is None:
                continue
            field.queryset = queryset if obj is not None else queryset.none()
            # Labels without the organization's name, which every choice shares.
            field.label_from_instance = lambda item: item.name or str(item)
            field.choices = list(field.choices)
        return formset


class ServiceInline(ReferenceAutocompleteMixin, TranslationStackedInline):
    model = Service
    extra = 0
    show_change_link = True
    autocomplete_fields = ["service_types", "populations", "languages", "counties"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("name", "status"),
                    "service_types",
                    "populations",
                    ("counties", "is_statewide"),
                    "languages",
                    "description",
                ]
            },
        ),
        (
            _("Access and details"),
            {
                "classes": ["collapse"],
                "fields": [
                    ("is_free", "accepts_referrals", "is_24_7", "is_remote"),
                    ("accepting_new_clients", "accepting_new_clients_on"),
                    "fees",
                    "eligibility",
                    "how_to_get_help",
                ],
            },
        ),
    ]

    def get_queryset(self, request):
        # The organization too: each form's heading is the service's __str__.
        return (
            super()
            .get_queryset(request)
            .select_related("organization")
            .prefetch_related("service_types", "populations", "languages", "counties")
        )


class LocationInline(
    OrganizationChoicesMixin, ReferenceAutocompleteMixin, TranslationStackedInline
):
    model = Location
    form = LocationForm
    extra = 0
    show_change_link = True
    autocomplete_fields = ["county"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "is_confidential",
                    ("address_1", "address_2"),
                    ("zip_code", "city", "county"),
                    ("latitude", "longitude"),
                    "map",
                    "hours",
                    "services",
                    "accessibility",
                ]
            },
        ),
    ]

    def organization_choices(self, obj):
        return {"services": Service.objects.filter(organization=obj).order_by("name")}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("services", "schedules")


class PhoneInline(OrganizationChoicesMixin, ReferenceAutocompleteMixin, TranslationTabularInline):
    model = Phone
    extra = 0
    autocomplete_fields = ["languages"]
    fields = [
        "number",
        "extension",
        "kind",
        "description",
        "service",
        "location",
        "languages",
        "sort_order",
    ]

    def organization_choices(self, obj):
        return {
            "service": Service.objects.filter(organization=obj).order_by("name"),
            "location": Location.objects.filter(organization=obj).order_by("name", "pk"),
        }

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("languages")
