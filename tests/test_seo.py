"""The sitemap index and its pages list published pages only; robots.txt points to it."""

import re

import pytest

from core.publishing import Status
from organizations.sitemaps import OrganizationSitemap
from tests.factories import LocationFactory, OrganizationFactory
from tests.sitemaps import sitemap_pages, sitemap_text

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_published_organizations_and_every_county(client):
    published = OrganizationFactory(name="Listed Org")
    draft = OrganizationFactory(name="Draft Org", status=Status.DRAFT)
    archived = OrganizationFactory(name="Archived Org", status=Status.ARCHIVED)
    LocationFactory(organization=published, is_confidential=True, address_1="77 Hidden Way")
    body = sitemap_text(client)
    assert f"http://testserver{published.get_absolute_url()}" in body
    assert f"http://testserver/es{published.get_absolute_url()}" in body
    assert draft.get_absolute_url() not in body
    assert archived.get_absolute_url() not in body
    assert "http://testserver/counties/alpine/" in body
    assert 'hreflang="es"' in body
    assert "Hidden Way" not in body
    assert len(re.findall(r"/counties/[a-z-]+/</loc>", body)) == 2 * 58


def test_the_sitemap_index_splits_sections_into_pages_of_at_most_1000_urls(client, monkeypatch):
    OrganizationFactory.create_batch(3)
    pages = sitemap_pages(client)
    assert "/sitemap-organizations.xml" in pages
    assert "/sitemap-directory.xml" in pages
    assert "/sitemap-organizations.xml?p=2" not in pages
    assert OrganizationSitemap.limit == 1000
    # 3 organizations in two languages are 6 URLs: a limit of 4 needs a second page.
    monkeypatch.setattr(OrganizationSitemap, "limit", 4)
    assert "/sitemap-organizations.xml?p=2" in sitemap_pages(client)
    first = client.get("/sitemap-organizations.xml").content.decode()
    second = client.get("/sitemap-organizations.xml?p=2").content.decode()
    assert first.count("<url>") == 4
    assert second.count("<url>") == 2
    assert client.get("/sitemap-organizations.xml?p=3").status_code == 404


def test_robots_txt_allows_pages_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines


def test_every_directory_page_has_a_title_and_description(client):
    organization = OrganizationFactory(description="Shelter and legal help in Fresno.")
    for url in [
        "/",
        "/search/",
        "/search/?q=x",
        "/counties/fresno/",
        organization.get_absolute_url(),
    ]:
        body = client.get(url).content.decode()
        assert re.search(r"<title>[^<]+ · CAS Directory</title>", body), url
        assert re.search(r'<meta name="description" content="[^"]{20,}">', body), url
    body = client.get(organization.get_absolute_url()).content.decode()
    assert '<meta name="description" content="Shelter and legal help in Fresno.">' in body
    assert (
        '<meta name="robots" content="noindex, follow">' in client.get("/search/").content.decode()
    )
