from django.contrib.sitemaps import Sitemap

# Search engines accept up to 50,000 URLs a file. Each URL costs its reverse() in
# both languages with alternates: 5,000 took 14 s at 10,000 listings on the loaded
# build machine (2.6 MB), so pages hold 1,000 (about 0.5 MB, 16 KB gzipped).
URLS_PER_PAGE = 1000


class BilingualSitemap(Sitemap):
    """Every public page exists in English and Spanish: list both, with hreflang
    alternates and the English page as x-default.

    `limit` counts URLs, so one page holds 500 pages in both languages.
    """

    i18n = True
    alternates = True
    x_default = True
    limit = URLS_PER_PAGE
