from django.urls import reverse

from core.models import County
from core.sitemaps import BilingualSitemap, SlugSitemap
from organizations.models import Organization


class DirectorySitemap(BilingualSitemap):
    """The home page and the 58 county pages, in English and Spanish."""

    changefreq = "daily"
    priority = 0.8

    def items(self):
        return [None, *County.objects.order_by("name").only("slug")]

    def location(self, item) -> str:
        if item is None:
            return reverse("organizations:home")
        return reverse("organizations:county", kwargs={"slug": item.slug})


class OrganizationSitemap(SlugSitemap):
    """Published organizations only: drafts and archived listings never appear."""

    changefreq = "weekly"
    priority = 0.6
    url_name = "organizations:detail"

    def items(self):
        return Organization.objects.published().order_by("pk").values("slug", "updated_at")
