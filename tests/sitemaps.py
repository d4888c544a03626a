"""Reading the sitemap as a search engine does: the index, then each of its pages."""

import re
from urllib.parse import urlsplit

INDEX = "/sitemap.xml"


def sitemap_pages(client) -> list[str]:
    """The addresses (path and query) of every page the sitemap index lists."""
    response = client.get(INDEX)
    assert response.status_code == 200
    assert b"<sitemapindex" in response.content
    pages = []
    for loc in re.findall(r"<loc>([^<]+)</loc>", response.content.decode()):
        parts = urlsplit(loc)
        pages.append(f"{parts.path}?{parts.query}" if parts.query else parts.path)
    return pages


def sitemap_text(client) -> str:
    """Every sitemap page, one after the other."""
    bodies = []
    for page in sitemap_pages(client):
        response = client.get(page)
        assert response.status_code == 200, page
        bodies.append(response.content.decode())
    return "\n".join(bodies)
