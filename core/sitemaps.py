from django.contrib.sitemaps import Sitemap


class BilingualSitemap(Sitemap):
    """Every public page exists in English and Spanish: list both, with hreflang
    alternates and the English page as x-default."""

    i18n = True
    alternates = True
    x_default = True
