"""Requests asking an organization to confirm or correct its listing, one per cycle."""

import uuid
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organizations.verification import NO_ANSWER_AFTER_DAYS, REMIND_AFTER_DAYS, verify_after_days


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class VerificationRequestQuerySet(models.QuerySet):
    def this_cycle(self, today: date | None = None):
        """Requests made within the last VERIFY_AFTER_DAYS: an organization gets one per cycle."""
        today = today or timezone.localdate()
        return self.filter(created_at__gte=_start_of(today - timedelta(days=verify_after_days())))

    def answered(self):
        return self.filter(answered_at__isnull=False)

    def bounced(self):
        """Undeliverable: refused by the mail server, or no address to send to."""
        return self.filter(bounced_at__isnull=False)

    def waiting(self):
        """Sent, neither answered nor bounced."""
        return self.filter(answered_at__isnull=True, bounced_at__isnull=True)

    def changed(self):
        """Answered with a proposal of changes."""
        return self.filter(outcome=VerificationRequest.Outcome.CHANGED)

    def due_for_reminder(self, today: date | None = None):
        """Waiting REMIND_AFTER_DAYS since they were sent, never reminded."""
        today = today or timezone.localdate()
        cutoff = _start_of(today - timedelta(days=REMIND_AFTER_DAYS - 1))
        return self.waiting().filter(reminded_at__isnull=True, created_at__lt=cutoff)

    def without_answer(self, today: date | None = None):
        """Still waiting NO_ANSWER_AFTER_DAYS after the reminder: the curators' queue."""
        today = today or timezone.localdate()
        cutoff = _start_of(today - timedelta(days=NO_ANSWER_AFTER_DAYS - 1))
        return self.waiting().filter(reminded_at__lt=cutoff)

    def to_address(self, email: str):
        return self.filter(email__iexact=email)


class VerificationRequest(models.Model):
    class Outcome(models.TextChoices):
        CONFIRMED = "confirmed", _("everything still correct")
        CHANGED = "changed", _("changes proposed")

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="verification_requests",
    )
    # The address and language it went to, kept if the contact later changes.
    email = models.EmailField(_("sent to"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    # Part of every link: a link outlives neither its request nor a reissued key.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    outcome = models.CharField(_("answer"), max_length=12, choices=Outcome.choices, blank=True)
    bounced_at = models.DateTimeField(_("bounced"), null=True, blank=True)
    bounce_reason = models.CharField(_("why it bounced"), max_length=300, blank=True)

    objects = VerificationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("verification request")
        verbose_name_plural = _("verification requests")

    def __str__(self) -> str:
        return f"{self.organization} ({self.created_at:%Y-%m-%d})"

    @property
    def is_waiting(self) -> bool:
        return self.answered_at is None and self.bounced_at is None


def has_request_this_cycle(today: date | None = None) -> Exists:
    """Whether the organization (the outer query) was already asked this cycle."""
    return Exists(VerificationRequest.objects.this_cycle(today).filter(organization=OuterRef("pk")))


def has_bounced_address() -> Exists:
    """Whether the organization's current contact address bounced before: never retried."""
    return Exists(
        VerificationRequest.objects.bounced()
        .exclude(email="")
        .filter(organization=OuterRef("pk"), email__iexact=OuterRef("verification_email"))
    )


def request_exists(requests) -> Q:
    """Organizations (the outer query) with one of `requests` (a VerificationRequest queryset)."""
    return Q(Exists(requests.filter(organization=OuterRef("pk"))))
