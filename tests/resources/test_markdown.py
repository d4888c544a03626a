"""The sanitiser: curators' Markdown never reaches a visitor as script."""

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resources.markdown import ALLOWED_TAGS, render_markdown


def test_it_renders_ordinary_markdown():
    html = render_markdown("Some **bold** and *italic* text.\n\n- one\n- two")
    assert "<strong>bold</strong>" in html
    assert "<em>italic</em>" in html
    assert "<li>one</li>" in html


def test_it_removes_script_elements_and_their_content():
    html = render_markdown("Before <script>alert('x')</script> after\n\n<script src=/x.js>")
    assert "<script" not in html.lower()
    assert "alert" not in html
    assert "Before" in html
    assert "after" in html


@pytest.mark.parametrize(
    "link",
    [
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](  javascript:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        '<a href="java&#115;cript:alert(1)">click</a>',
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ],
)
def test_it_drops_links_with_dangerous_schemes(link):
    html = render_markdown(link)
    assert "click" in html
    assert "href" not in html
    assert "script:" not in html.lower()
    assert "data:" not in html


def test_it_removes_event_handlers():
    html = render_markdown(
        '<img src="x" onerror="alert(1)">\n\n<p onclick="alert(2)">text</p>\n\n'
        '<a href="https://example.org" onmouseover="alert(3)">link</a>'
    )
    assert not re.search(r"\son\w+\s*=", html)
    assert "alert" not in html
    assert "<img" not in html
    assert "text" in html


def test_it_removes_frames_styles_and_forms():
    html = render_markdown(
        '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>'
        '<form action="https://evil.example"><input name="password"></form>'
        '<p style="position:fixed">styled</p>'
    )
    for fragment in ("<iframe", "<style", "display:none", "<form", "<input", "style="):
        assert fragment not in html
    assert "styled" in html


def test_it_keeps_http_https_mailto_tel_and_relative_links():
    html = render_markdown(
        "[a](https://example.org/a) [b](http://example.org/b) [c](mailto:help@example.org) "
        "[d](tel:+18883737888) [e](/resources/)"
    )
    for href in (
        "https://example.org/a",
        "http://example.org/b",
        "mailto:help@example.org",
        "tel:+18883737888",
        "/resources/",
    ):
        assert f'href="{href}"' in html


def test_links_get_noopener_and_noreferrer():
    html = render_markdown('[a](https://a.example) <a href="https://b.example" rel="opener">b</a>')
    assert html.count('rel="noopener noreferrer"') == 2
    assert 'rel="opener"' not in html


def test_links_cannot_open_new_windows():
    html = render_markdown('<a href="https://example.org" target="_blank">a</a>')
    assert "target" not in html


def test_headings_start_below_the_page_title():
    html = render_markdown("# One\n\n## Two\n\n###### Six")
    assert "<h1" not in html
    assert "<h2>One</h2>" in html
    assert "<h3>Two</h3>" in html
    assert "<h6>Six</h6>" in html


def test_tables_render_without_inline_styles():
    html = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert "<table>" in html
    assert "<td>1</td>" in html
    assert "style" not in html


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_blank_text_renders_nothing(text):
    assert render_markdown(text) == ""


@given(
    st.lists(
        st.sampled_from(
            [
                "<script>",
                "</script>",
                "javascript:",
                "onerror=",
                "onload=",
                "<img src=x ",
                "<svg ",
                '"',
                "'",
                ">",
                "[x](",
                ")",
                "<a href=",
                "text",
                " ",
                "\n",
                "&#",
                "<!--",
                "-->",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_no_mixture_of_fragments_produces_script_or_handlers(text):
    elements = parsed_elements(render_markdown(text))
    for tag, attributes in elements:
        assert tag in ALLOWED_TAGS, tag
        for name, value in attributes:
            assert not name.startswith("on"), (tag, name)
            if name == "href":
                assert not re.match(r"\s*(javascript|vbscript|data):", value or "", re.I), value


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))


def parsed_elements(html: str) -> list:
    """Every start tag a browser would build from `html`, with its attributes."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.elements


def test_a_body_that_starts_at_a_lower_level_skips_none_under_the_title():
    html = render_markdown("## Findings\n\ntext\n\n### Detail\n\nmore")
    assert "<h2>Findings</h2>" in html
    assert "<h3>Detail</h3>" in html
