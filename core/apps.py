from contextlib import suppress
from importlib import import_module

from django.apps import AppConfig, apps
from django.contrib.admin.apps import SimpleAdminConfig
from django.db import DatabaseError
from django.db.models.signals import post_migrate
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext_lazy as _

# django-leaflet's admin module imports GeoDjango, which needs GDAL; this site
# stores plain latitude/longitude and must start without it.
SKIPPED_ADMIN_MODULES = {"leaflet"}


class CoreAdminConfig(SimpleAdminConfig):
    """The admin without autodiscovery, so that leaflet.admin is never imported."""

    default_site = "core.admin_site.DirectoryAdminSite"

    def ready(self) -> None:
        super().ready()
        for app_config in apps.get_app_configs():
            if app_config.name in SKIPPED_ADMIN_MODULES:
                continue
            if module_has_submodule(app_config.module, "admin"):
                import_module(f"{app_config.name}.admin")


class CoreConfig(AppConfig):
    # Two configs in this module: without this, "core" in INSTALLED_APPS would get
    # a plain AppConfig and ready() below would never run.
    default = True
    name = "core"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from core import page_cache
        from core.models import County, Language

        page_cache.watch(County, Language)
        # A release's migrate starts the public caches afresh: a cached page or
        # fragment (site_tags' {% until_change %}) holds the old release's markup.
        post_migrate.connect(_on_migrate, sender=self, dispatch_uid="page-cache:migrate")


def _on_migrate(**kwargs) -> None:
    from core import page_cache

    # Without the database cache's table (a migrate back past its migration)
    # there is nothing cached to empty.
    with suppress(DatabaseError):
        page_cache.bump_version()
