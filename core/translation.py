from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname


def in_language(english: str, spanish: str) -> str:
    """Pick the Spanish text on Spanish pages when a curator wrote one."""
    language = (get_language() or "en").split("-")[0]
    if language == "es" and spanish:
        return spanish
    return english


@dataclass(frozen=True)
class PageText:
    """A translated field's text for this page, and its language when it differs.

    `lang` is set when the page's language has no version and the default
    language's text stands in, so a screen reader can switch voice.
    """

    text: str
    lang: str | None


def page_text(obj, field: str) -> PageText:
    """`obj.field` in the page's language (fields registered with modeltranslation)."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    text = getattr(obj, build_localized_fieldname(field, language), None)
    if text:
        return PageText(text, None)
    fallback = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    text = getattr(obj, build_localized_fieldname(field, fallback), None) or ""
    return PageText(text, fallback if text and fallback != language else None)


def in_every_language(field: str) -> list[str]:
    """The per-language columns of a translated field (`name_en`, `name_es`, ...).

    For queries that must not depend on the active language: modeltranslation
    reads a bare `name` in whatever language is active.
    """
    return [build_localized_fieldname(field, code) for code, _name in settings.LANGUAGES]


def empty_by_default(*fields: str) -> dict:
    """modeltranslation `field_options`: a missing translation is "" like any blank
    text, not NULL, so a row saved without one equals itself exported and imported."""
    return {field: {"default": {"default": ""}} for field in fields}
