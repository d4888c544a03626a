from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = _("Directory listings")

    def ready(self) -> None:
        from core import page_cache
        from organizations import models, signals  # noqa: F401

        page_cache.watch(
            models.ServiceType,
            models.Population,
            models.Organization,
            models.Service,
            models.Location,
            models.ServiceAtLocation,
            models.Phone,
            models.Schedule,
        )
