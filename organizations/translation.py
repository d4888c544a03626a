"""The listing text curators may write in every language of `settings.LANGUAGES`.

django-modeltranslation adds one column per language (`description_en`,
`description_es`, ...) and makes `obj.description` read the page's language,
falling back to English, so the pages, the HSDS API and the search read the
translation without asking for it. Adding a language is a settings change and
one generated migration.

History is registered here rather than on the models: the historical models
must be built after modeltranslation has added the per-language fields, or
saving would hand them fields they lack.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from core.translation import empty_by_default
from organizations.models import Location, Organization, Phone, Schedule, Service


@register(Organization)
class OrganizationText(TranslationOptions):
    fields = ("description",)
    field_options = empty_by_default(*fields)


@register(Service)
class ServiceText(TranslationOptions):
    fields = ("name", "description", "eligibility", "fees", "how_to_get_help")
    field_options = empty_by_default(*fields)


@register(Location)
class LocationText(TranslationOptions):
    fields = ("name", "accessibility")
    field_options = empty_by_default(*fields)


@register(Phone)
class PhoneText(TranslationOptions):
    fields = ("description",)
    field_options = empty_by_default(*fields)


@register(Schedule)
class ScheduleText(TranslationOptions):
    fields = ("note",)
    field_options = empty_by_default(*fields)


track_history(Organization)
track_history(Service, excluded_fields=["search_document", "search_names"])
track_history(Location)
track_history(Phone, excluded_fields=["languages"])
track_history(Schedule)
