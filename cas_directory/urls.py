from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import index
from django.urls import include, path
from django.views.generic import TemplateView
from django.views.static import serve

from core import health, seo
from core.sitemaps import sitemap_page
from organizations.sitemaps import DirectorySitemap, OrganizationSitemap
from resources.sitemaps import ResourceLibrarySitemap, ResourceSitemap

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

SITEMAPS = {
    "directory": DirectorySitemap,
    "organizations": OrganizationSitemap,
    "library": ResourceLibrarySitemap,
    "resources": ResourceSitemap,
}

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    # An index of sections, each in pages of at most 5,000 URLs (?p=2, ...).
    path(
        "sitemap.xml",
        index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_page, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
    # Outside i18n_patterns: an export has one address, whatever the language.
    path("api/hsds/", include("organizations.hsds.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("organizations.urls")),
    path("resources/", include("resources.urls")),
    path("verify/", include("organizations.providers.urls")),
    path("about/", TemplateView.as_view(template_name="pages/about.html"), name="about"),
    path("safety/", TemplateView.as_view(template_name="pages/safety.html"), name="safety"),
    path("privacy/", TemplateView.as_view(template_name="pages/privacy.html"), name="privacy"),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += [path("media/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
