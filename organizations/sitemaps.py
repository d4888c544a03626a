from django.urls import reverse

from cas_directory.sitemap_base import BilingualSitemap
from organizations.models import County, Organization


class DirectorySitemap(BilingualSitemap):
    """The home page and the 58 county pages, in English and Spanish."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return [None, *County.objects.order_by("name").only("slug")]

    def location(self, item) -> str:
        return reverse("organizations:home") if item is None else item.get_absolute_url()


class OrganizationSitemap(BilingualSitemap):
    """Published organizations only: drafts and archived listings never appear."""

    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Organization.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, organization):
        return organization.updated_at
