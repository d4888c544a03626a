"""The resource text curators may write in every language of `settings.LANGUAGES`.

See organizations/translation.py: one column per language, `obj.title` in the
page's language with English as the fallback, and history registered after
the per-language fields exist.
"""

from modeltranslation.translator import TranslationOptions, register
from simple_history import register as track_history

from core.translation import empty_by_default
from resources.models import Resource


@register(Resource)
class ResourceText(TranslationOptions):
    fields = ("title", "summary", "body")
    field_options = empty_by_default(*fields)


track_history(Resource, excluded_fields=["search_document"])
