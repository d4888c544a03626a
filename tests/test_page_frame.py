"""The frame around every public page: the way out first, help in the same place, both languages."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import translate_url
from django.utils import translation

from organizations.sample_data import SampleDirectory
from tests.public_urls import public_urls
from tests.rendered import render_once

pytestmark = pytest.mark.django_db


def every_public_page() -> list[str]:
    SampleDirectory(count=12, seed=7).build()
    return public_urls()


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """Every public page's HTML, rendered once for the module's tests."""
    client = Client()
    return render_once(
        django_db_blocker,
        every_public_page,
        lambda url: client.get(url).content.decode(),
        QUICK_EXIT_URL="https://neutral.example/",
    )


def in_language(url: str, language: str) -> str:
    """The address of the page at `url` in `language` (resolved in the page's own language)."""
    with translation.override("es" if url.startswith("/es/") else "en"):
        return translate_url(url.partition("?")[0], language)


def first_tags(body: str, count: int) -> list[str]:
    body_start = body.index("<body")
    return re.findall(r"<(?:a|nav|aside|header|main|footer)\b[^>]*>", body[body_start:])[:count]


def between(body: str, start: str, end: str) -> str:
    return body[body.index(start) : body.index(end, body.index(start))]


def test_the_way_out_comes_first_on_every_page(pages):
    for url, body in pages.items():
        skip_to_exit, skip_to_main, exit_nav, exit_link = first_tags(body, 4)
        assert 'href="#quick-exit"' in skip_to_exit, url
        assert 'href="#main"' in skip_to_main, url
        assert 'class="quick-exit"' in exit_nav, url
        assert 'id="quick-exit"' in exit_link, url
        assert 'href="https://neutral.example/"' in exit_link, url
        assert 'rel="noreferrer"' in exit_link, url
        assert 'id="main"' in body, url


def test_help_is_in_the_same_place_with_the_same_words_on_every_page(pages):
    """WCAG 3.2.6: the hotline, 911 and the safety page are found the same way everywhere."""
    for language in ("en", "es"):
        frames = {
            url: (
                between(body, '<aside class="hotline-bar"', "</aside>"),
                re.findall(r'<a href="([^"]+)"[^>]*>', between(body, "<header", "</header>")),
                re.findall(r'<a href="([^"]+)"', between(body, "<footer", "</footer>")),
            )
            for url, body in pages.items()
            if url.startswith("/es/") == (language == "es")
        }
        hotlines = {hotline for hotline, _, _ in frames.values()}
        assert len(hotlines) == 1, f"the hotline bar differs between {language} pages"
        [hotline] = hotlines
        assert "tel:+18883737888" in hotline
        assert "sms:233733" in hotline
        assert "tel:911" in hotline
        prefix = "/es" if language == "es" else ""
        for url, (_, header_links, footer_links) in frames.items():
            assert f"{prefix}/safety/" in header_links, url
            assert f"{prefix}/safety/" in footer_links, url
            assert f"{prefix}/privacy/" in footer_links, url
    # Help comes before the page's own content, right after the way out.
    for url, body in pages.items():
        assert body.index('class="quick-exit"') < body.index('class="hotline-bar"'), url
        assert body.index('class="hotline-bar"') < body.index('id="main"'), url


def test_the_language_switcher_keeps_the_page_and_its_query(pages):
    for url, body in pages.items():
        spanish = url.startswith("/es/")
        switcher = between(body, 'class="language-switcher"', "</nav>")
        [link] = re.findall(r'<a href="([^"]+)" hreflang="(en|es)" lang="(en|es)"', switcher)
        href, hreflang, lang = link
        assert hreflang == lang == ("en" if spanish else "es"), url
        query = url.partition("?")[2]
        expected = in_language(url, hreflang)
        assert href.replace("&amp;", "&") == (f"{expected}?{query}" if query else expected), url
        assert f'<html lang="{"es" if spanish else "en"}">' in body, url


def test_alternate_language_links_are_absolute_and_point_at_this_page(pages):
    for url, body in pages.items():
        alternates = dict(
            re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', body)
        )
        assert set(alternates) == {"en", "es", "x-default"}, url
        assert alternates["x-default"] == alternates["en"], url
        for language in ("en", "es"):
            parts = urlsplit(alternates[language].replace("&amp;", "&"))
            assert parts.scheme == "http", url
            assert parts.netloc == "testserver", url
            assert parts.path == in_language(url, language), url


def test_a_missing_page_offers_no_alternates_but_keeps_the_way_out(client):
    body = client.get("/es/no-such-page/").content.decode()
    assert 'rel="alternate"' not in body
    assert 'id="quick-exit"' in body
    assert 'class="hotline-bar"' in body
