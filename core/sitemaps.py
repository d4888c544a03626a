from collections.abc import Sequence
from datetime import datetime
from html import escape

from django.conf import settings
from django.contrib.sitemaps import Sitemap, views
from django.db.models import QuerySet
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation

from core import page_cache

# Search engines accept up to 50,000 URLs a file. A page reads only its own
# rows, as plain values, and builds each address from a per-language prefix
# (SlugSitemap) instead of a reverse() in each language for each row, and the
# XML is written directly (`sitemap_page`): Django's template took 0.8 s of
# 0.9 s for 1,000 URLs.
URLS_PER_PAGE = 1000
_SLUG = "__slug__"


class BilingualSitemap(Sitemap):
    """Every public page exists in English and Spanish: list both, with hreflang
    alternates and the English page as x-default.

    `limit` counts URLs, so one page holds 500 pages in both languages.
    """

    i18n = True
    alternates = True
    x_default = True
    limit = URLS_PER_PAGE

    def _items(self):
        items = self.items()
        languages = self.languages or [code for code, _name in settings.LANGUAGES]
        if isinstance(items, QuerySet):
            return _InLanguages(items, languages)
        return [(item, language) for item in items for language in languages]

    def _location(self, item, force_lang_code=None):
        obj, lang_code = item
        return self.location_in(obj, force_lang_code or lang_code)

    def location_in(self, obj, language: str) -> str:
        with translation.override(language):
            return self.location(obj)


class SlugSitemap(BilingualSitemap):
    """Rows (dicts with `slug` and `updated_at`) of a model whose page is
    `url_name` with a `slug` argument."""

    url_name = ""

    def __init__(self):
        self._around_slug: dict[str, tuple[str, str]] = {}

    def location_in(self, obj, language: str) -> str:
        if language not in self._around_slug:
            with translation.override(language):
                before, after = reverse(self.url_name, kwargs={"slug": _SLUG}).split(_SLUG)
            self._around_slug[language] = before, after
        before, after = self._around_slug[language]
        return f"{before}{obj['slug']}{after}"

    def lastmod(self, obj):
        return obj["updated_at"]


class _InLanguages:
    """The (row, language) pairs of `rows` in every language, row after row, as
    Django's Sitemap._items() lists them, but read a page at a time: a page
    loads its own rows only, not the whole table."""

    def __init__(self, rows: QuerySet, languages: Sequence[str]):
        self.rows = rows
        self.languages = languages

    def count(self) -> int:
        return page_cache.count_until_change(self.rows) * len(self.languages)

    def __len__(self) -> int:
        return self.count()

    def __iter__(self):
        return iter(self[0 : self.count()])

    def __getitem__(self, page: slice) -> list:
        each = len(self.languages)
        start, stop = page.start or 0, page.stop
        rows = list(self.rows[start // each : -(-stop // each)])
        pairs = [(row, language) for row in rows for language in self.languages]
        offset = start - (start // each) * each
        return pairs[offset : offset + stop - start]


def sitemap_page(request, sitemaps, section=None):
    """Django's sitemap view, its XML written without the template engine.

    The same elements as django/contrib/sitemaps/templates/sitemap.xml, the
    same headers (Last-Modified, X-Robots-Tag) and the same 404s.
    """
    rendered = views.sitemap(request, sitemaps, section)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
    ]
    for url in rendered.context_data["urlset"] if rendered.context_data else []:
        parts.append(f"<url><loc>{escape(url['location'])}</loc>")
        if lastmod := url["lastmod"]:
            day = timezone.localtime(lastmod).date() if isinstance(lastmod, datetime) else lastmod
            parts.append(f"<lastmod>{day.isoformat()}</lastmod>")
        if url["changefreq"]:
            parts.append(f"<changefreq>{escape(url['changefreq'])}</changefreq>")
        if url["priority"]:
            parts.append(f"<priority>{escape(url['priority'])}</priority>")
        parts.extend(
            f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}" '
            f'href="{escape(alternate["location"])}"/>'
            for alternate in url["alternates"]
        )
        parts.append("</url>")
    parts.append("\n</urlset>\n")
    response = HttpResponse("".join(parts), content_type=rendered["Content-Type"])
    for header, value in rendered.items():
        response[header] = value
    return response
