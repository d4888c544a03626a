"""Sitemap pages: each reads its own rows only, and the directly written XML
says what Django's sitemap template would."""

import re
from xml.etree import ElementTree

import pytest
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from cas_directory.urls import SITEMAPS
from organizations.sitemaps import OrganizationSitemap
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def entries(xml: bytes) -> list[tuple]:
    # The site's own sitemap, not untrusted input.
    root = ElementTree.fromstring(xml)  # noqa: S314
    return [
        (
            url.findtext("s:loc", namespaces=NS),
            url.findtext("s:lastmod", namespaces=NS),
            url.findtext("s:changefreq", namespaces=NS),
            url.findtext("s:priority", namespaces=NS),
            tuple(
                (link.get("hreflang"), link.get("href"))
                for link in url.findall("x:link", namespaces=NS)
            ),
        )
        for url in root.findall("s:url", namespaces=NS)
    ]


@pytest.mark.parametrize("section", ["organizations", "directory", "resources", "library"])
def test_the_xml_says_what_djangos_template_says(client, section):
    OrganizationFactory.create_batch(3)
    ours = client.get(f"/sitemap-{section}.xml")
    request = RequestFactory().get(f"/sitemap-{section}.xml")
    theirs = django_sitemap(request, SITEMAPS, section).render()
    assert ours.status_code == 200
    assert ours["Content-Type"] == theirs["Content-Type"]
    assert ours.headers.get("Last-Modified") == theirs.headers.get("Last-Modified")
    assert ours["X-Robots-Tag"] == theirs["X-Robots-Tag"]
    assert entries(ours.content) == entries(theirs.content)
    assert entries(ours.content)


def test_pages_split_at_any_limit_without_losing_or_repeating_a_url(client, monkeypatch):
    OrganizationFactory.create_batch(5)
    every = entries(client.get("/sitemap-organizations.xml").content)
    assert len(every) == 10
    # An odd limit splits an organization's two languages over two pages.
    monkeypatch.setattr(OrganizationSitemap, "limit", 3)
    pages = [client.get(f"/sitemap-organizations.xml?p={n}") for n in range(1, 5)]
    assert [len(entries(page.content)) for page in pages] == [3, 3, 3, 1]
    assert [url for page in pages for url in entries(page.content)] == every
    assert client.get("/sitemap-organizations.xml?p=5").status_code == 404
    assert client.get("/sitemap-organizations.xml?p=x").status_code == 404


def test_a_page_reads_only_its_own_rows_in_two_queries(client, monkeypatch):
    OrganizationFactory.create_batch(8)
    monkeypatch.setattr(OrganizationSitemap, "limit", 4)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap-organizations.xml?p=2")
    assert response.status_code == 200
    selects = [q["sql"] for q in queries if "organizations_organization" in q["sql"]]
    # The count for the paginator, then two organizations (four URLs): never every row.
    assert len(selects) == 2
    assert "COUNT(" in selects[0]
    assert re.search(r"LIMIT 2 OFFSET 2", selects[1])
    assert '"organizations_organization"."description' not in selects[1]
