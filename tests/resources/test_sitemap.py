import pytest

from core.publishing import Status
from resources.choices import CategorySlug
from tests.resources.factories import ResourceFactory
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db


def sitemap_locations(client) -> str:
    return sitemap_text(client)


def test_the_sitemap_lists_published_resources_in_both_languages(client):
    shown = ResourceFactory()
    draft = ResourceFactory(status=Status.DRAFT)
    archived = ResourceFactory(status=Status.ARCHIVED)
    xml = sitemap_locations(client)
    assert f"<loc>http://testserver/resources/{shown.slug}/</loc>" in xml
    assert f"<loc>http://testserver/es/resources/{shown.slug}/</loc>" in xml
    assert f'hreflang="es" href="http://testserver/es/resources/{shown.slug}/"' in xml
    for hidden in (draft, archived):
        assert f"/resources/{hidden.slug}/" not in xml


def test_the_sitemap_lists_the_library_and_its_six_categories(client):
    xml = sitemap_locations(client)
    assert "<loc>http://testserver/resources/</loc>" in xml
    for slug in CategorySlug.values:
        assert f"<loc>http://testserver/resources/{slug}/</loc>" in xml
        assert f"<loc>http://testserver/es/resources/{slug}/</loc>" in xml
