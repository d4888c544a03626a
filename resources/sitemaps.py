from django.urls import reverse

from core.sitemaps import BilingualSitemap
from resources.models import Category, Resource


class ResourceLibrarySitemap(BilingualSitemap):
    """The library's front page and its six category pages, in English and Spanish."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return [None, *Category.objects.order_by("sort_order", "pk")]

    def location(self, item) -> str:
        return reverse("resources:index") if item is None else item.get_absolute_url()


class ResourceSitemap(BilingualSitemap):
    """Every published resource; drafts and archived ones never appear."""

    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Resource.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, resource):
        return resource.updated_at
