from django.contrib.sitemaps import Sitemap

# Search engines accept up to 50,000 URLs a file; smaller pages keep each one
# quick to build and small to send (about 1.5 MB uncompressed with alternates).
URLS_PER_PAGE = 5000


class BilingualSitemap(Sitemap):
    """Every public page exists in English and Spanish: list both, with hreflang
    alternates and the English page as x-default.

    `limit` counts URLs, so one page holds 2,500 pages in both languages.
    """

    i18n = True
    alternates = True
    x_default = True
    limit = URLS_PER_PAGE
