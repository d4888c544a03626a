import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Suggestion(models.Model):
    """A visitor's report that a listing is wrong, waiting for a curator."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="suggestions",
    )
    message = models.TextField(_("what is wrong"), max_length=2000)
    contact = models.CharField(_("contact (optional)"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    curator_notes = models.TextField(_("curator notes"), blank=True)
    # A salted hash, so that rate limiting works without keeping addresses.
    ip_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("suggested correction")
        verbose_name_plural = _("suggested corrections")

    def __str__(self) -> str:
        return _("Correction for %(organization)s") % {"organization": self.organization_id}
