import pytest

from cas_directory.publishing import Status
from resources.choices import CategorySlug
from resources.sitemaps import ResourceLibrarySitemap, ResourceSitemap
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


class Site:
    domain = "directory.example.org"
    name = "CAS Directory"


def locations(sitemap) -> list[str]:
    return [entry["location"] for entry in sitemap.get_urls(site=Site(), protocol="https")]


def test_the_sitemap_lists_published_resources_only():
    shown = ResourceFactory()
    draft = ResourceFactory(status=Status.DRAFT)
    archived = ResourceFactory(status=Status.ARCHIVED)
    urls = locations(ResourceSitemap())
    assert f"https://directory.example.org{shown.get_absolute_url()}" in urls
    assert all(r.get_absolute_url() not in " ".join(urls) for r in (draft, archived))
    entry = next(e for e in ResourceSitemap().get_urls(site=Site()) if shown.slug in e["location"])
    assert entry["lastmod"] == shown.updated_at


def test_the_library_sitemap_lists_the_index_and_six_categories():
    urls = locations(ResourceLibrarySitemap())
    assert urls[0] == "https://directory.example.org/resources/"
    assert urls[1:] == [f"https://directory.example.org/resources/{s}/" for s in CategorySlug]
