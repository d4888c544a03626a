from django.apps import AppConfig, apps
from django.contrib.admin.apps import SimpleAdminConfig
from django.utils.module_loading import import_module, module_has_submodule

# django-leaflet's admin module imports GeoDjango, which needs GDAL; this site
# stores plain latitude/longitude and must start without it.
SKIPPED_ADMIN_MODULES = {"leaflet"}


class CasAdminConfig(SimpleAdminConfig):
    """The admin without autodiscovery, so that leaflet.admin is never imported."""

    default_site = "cas_directory.admin_site.DirectoryAdminSite"

    def ready(self) -> None:
        super().ready()
        for app_config in apps.get_app_configs():
            if app_config.name in SKIPPED_ADMIN_MODULES:
                continue
            if module_has_submodule(app_config.module, "admin"):
                import_module(f"{app_config.name}.admin")


class CasDirectoryConfig(AppConfig):
    name = "cas_directory"
    verbose_name = "CAS Directory"

    def ready(self) -> None:
        from cas_directory import page_cache

        page_cache.connect_signals()
