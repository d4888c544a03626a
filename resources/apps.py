from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = _("Resource library")

    def ready(self) -> None:
        from core import contributions, page_cache
        from resources import contributions as library
        from resources import search_index
        from resources.models import Audience, Category, Resource

        search_index.connect()
        page_cache.watch(Category, Audience, Resource)
        contributions.SEARCH_RESULTS.register("library", library.library_matches)
        contributions.ORGANIZATION_PAGE.register("library", library.offered_resources)
