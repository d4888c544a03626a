from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language_code: str) -> str:
    """The current page in another language, keeping its query string."""
    request = context["request"]
    url = translate_url(request.path, language_code)
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url
