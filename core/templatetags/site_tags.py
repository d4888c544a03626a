from django import template
from django.urls import translate_url
from django.utils.html import format_html

from core.translation import page_text

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language_code: str, absolute: bool = False) -> str:
    """The current page in another language, keeping its query string.

    `absolute=True` gives a full URL, as search engines expect in hreflang links.
    """
    request = context["request"]
    # One leading slash: "//evil.example/x" (a 404) would otherwise be read
    # as a link to another site, and "//[x" as a broken IPv6 host.
    url = translate_url("/" + request.path.lstrip("/"), language_code)
    query = request.GET.urlencode()
    url = f"{url}?{query}" if query else url
    return request.build_absolute_uri(url) if absolute else url


@register.simple_tag(takes_context=True)
def render_section(context, section) -> str:
    """A section another app added to this page (see core.contributions)."""
    template = context.template.engine.get_template(section.template)
    with context.push(**section.context):
        return template.render(context)


@register.simple_tag
def lang_of(obj, field: str) -> str:
    """` lang="en"` where `obj.field` (a modeltranslation field) shows English on a
    page in another language: `<p{% lang_of service "fees" %}>{{ service.fees }}</p>`."""
    lang = page_text(obj, field).lang
    return format_html(' lang="{}"', lang) if lang else ""
