from django import template
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core import page_cache
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


class UntilChangeNode(template.Node):
    def __init__(self, name: str, nodelist: template.NodeList):
        self.name = name
        self.nodelist = nodelist

    def render(self, context) -> str:
        html = page_cache.until_change(
            f"fragment:{self.name}:{get_language()}", lambda: self.nodelist.render(context)
        )
        return mark_safe(html)  # noqa: S308  # rendered, hence escaped, by the template


@register.tag("until_change")
def until_change_tag(parser, token) -> UntilChangeNode:
    """`{% until_change "name" %}...{% enduntil_change %}`: the enclosed part,
    rendered once per language until the next change to the data
    (`page_cache.until_change()`, whose version is in the key).

    Only for what every visitor sees alike: nothing from the request (its
    query, a CSRF token, the signed-in user) may be inside, since the key
    holds only the name and the language.
    """
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one quoted name")
    nodelist = parser.parse(("enduntil_change",))
    parser.delete_first_token()
    return UntilChangeNode(bits[1][1:-1], nodelist)
