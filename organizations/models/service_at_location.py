import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class ServiceAtLocationQuerySet(models.QuerySet):
    def at_confidential_locations(self):
        return self.filter(location__is_confidential=True)


class ServiceAtLocation(models.Model):
    """A service offered at one of its organization's locations (HSDS service_at_location).

    Its own `uuid` is the record's id in HSDS: it survives edits of the
    service and of the location. Links that existed before this model kept
    the id the API had derived for them, uuid5(service.uuid, location.uuid).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    location = models.ForeignKey(
        "organizations.Location",
        verbose_name=_("location"),
        on_delete=models.CASCADE,
        related_name="service_links",
    )
    service = models.ForeignKey(
        "organizations.Service",
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="location_links",
    )

    objects = ServiceAtLocationQuerySet.as_manager()

    class Meta:
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")
        unique_together = [("location", "service")]

    def __str__(self) -> str:
        return f"{self.service_id} @ {self.location_id}"
