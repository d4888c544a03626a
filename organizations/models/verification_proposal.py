"""Changes an organization proposed to its own listing, waiting for a curator field by field."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalQuerySet(models.QuerySet):
    def open(self):
        """With a field no curator has decided on yet: the curators' queue."""
        return self.filter(decided_at__isnull=True)


class Proposal(models.Model):
    """One answer "Something changed" to a verification request.

    `changes` is a list of {"key", "label", "old", "new", "decision"}: `key`
    names the record and field (see organizations.providers.fields), `old` is
    what the provider saw, so a curator's later edit shows beside it rather
    than being overwritten, and `decision` is "", "accepted" or "rejected".
    """

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    # One request is answered once: a second submission cannot add a second entry.
    request = models.OneToOneField(
        "organizations.VerificationRequest",
        verbose_name=_("verification request"),
        on_delete=models.CASCADE,
        related_name="proposal",
    )
    changes = models.JSONField(_("changes"), default=list)
    note = models.TextField(_("note from the organization"), blank=True)
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")

    def __str__(self) -> str:
        return str(_("Changes to %(name)s") % {"name": self.organization})

    @property
    def pending_changes(self) -> list[dict]:
        return [change for change in self.changes if not change.get("decision")]
