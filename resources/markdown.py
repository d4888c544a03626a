"""Curators write Markdown; visitors get HTML that can carry no script.

Markdown passes raw HTML through, so its output is only a draft: nh3 (the
Rust `ammonia` sanitiser) then keeps an allow-list of tags and attributes,
drops `<script>`/`<style>` with their contents, every `on*=` handler and
any link whose scheme is not http, https, mailto or tel.
"""

import xml.etree.ElementTree as ET

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3", "h4",
    "h5", "h6", "hr", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"scope"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# ammonia adds this to every link, including ones written as raw HTML, which a
# Markdown-level rewrite would miss. Internal links lose nothing by it: the
# site already sends Referrer-Policy: no-referrer.
LINK_REL = "noopener noreferrer"


class _DemoteHeadings(Treeprocessor):
    """The text's top heading becomes <h2>, the others follow: the page's own title
    is its only <h1>, and a body that starts at `##` skips no level under it."""

    def run(self, root: ET.Element) -> None:
        headings = [e for e in root.iter() if e.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}]
        if not headings:
            return
        shift = 2 - min(int(element.tag[1]) for element in headings)
        for element in headings:
            element.tag = f"h{min(int(element.tag[1]) + shift, 6)}"


class _DemoteHeadingsExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 5)


def render_markdown(text: str) -> str:
    """Sanitised HTML for `text`; an empty string for empty input."""
    if not text or not text.strip():
        return ""
    html = markdown.markdown(
        text,
        extensions=["sane_lists", "tables", _DemoteHeadingsExtension()],
        output_format="html",
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
