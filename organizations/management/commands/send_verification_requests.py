"""Ask every due listing to confirm itself, and remind those that have not answered.

Run daily (cron or the compose file's scheduler service). Each run sends what
is owed that day and nothing twice: an organization gets one request per
VERIFY_AFTER_DAYS cycle and one reminder; an address that bounced is not
tried again until a curator changes it.
"""

import logging
import smtplib

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from organizations.models import Organization, VerificationRequest
from organizations.providers.mail import send_request

logger = logging.getLogger(__name__)

NO_CONTACT = "No verification contact on the listing."


class Command(BaseCommand):
    help = "Email due listings a link to confirm or correct them; remind those not answering."

    def handle(self, *args, **options):
        today = timezone.localdate()
        sent = bounced = reminded = failed = 0
        for organization in Organization.objects.needing_verification_request(today):
            outcome = self._ask(organization)
            sent += outcome == "sent"
            bounced += outcome == "bounced"
            failed += outcome == "failed"
        waiting = VerificationRequest.objects.due_for_reminder(today).select_related("organization")
        for verification_request in waiting:
            outcome = self._remind(verification_request)
            reminded += outcome == "sent"
            bounced += outcome == "bounced"
            failed += outcome == "failed"
        self.stdout.write(
            f"{sent} requests sent, {reminded} reminders sent, {bounced} bounced, "
            f"{failed} left for the next run"
        )

    def _ask(self, organization) -> str:
        if not organization.verification_email:
            # Recorded, so curators see it among the bounces and it is not retried this cycle.
            VerificationRequest.objects.create(
                organization=organization,
                language=organization.verification_language,
                bounced_at=timezone.now(),
                bounce_reason=NO_CONTACT,
            )
            return "bounced"
        try:
            with transaction.atomic():
                verification_request = VerificationRequest.objects.create(
                    organization=organization,
                    email=organization.verification_email,
                    language=organization.verification_language,
                )
                delivered = send_request(verification_request)
        except (smtplib.SMTPException, OSError):
            # Nothing is recorded, so the next run tries again.
            logger.exception("Could not send a verification request to %s", organization.slug)
            return "failed"
        return "sent" if delivered else "bounced"

    def _remind(self, verification_request) -> str:
        try:
            with transaction.atomic():
                verification_request.reminded_at = timezone.now()
                verification_request.save(update_fields=["reminded_at"])
                delivered = send_request(verification_request, reminder=True)
        except (smtplib.SMTPException, OSError):
            logger.exception("Could not send a reminder for request %s", verification_request.pk)
            return "failed"
        return "sent" if delivered else "bounced"
