"""The verification request and its reminder, in the contact's language."""

import smtplib

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from organizations.models import VerificationRequest
from organizations.providers.links import link_for
from organizations.verification import LINK_VALID_DAYS

# Bounce reasons are kept short enough for the admin's list.
REASON_LENGTH = 300


def _message(verification_request: VerificationRequest, *, reminder: bool) -> EmailMessage:
    organization = verification_request.organization
    with translation.override(verification_request.language):
        context = {
            "organization": organization,
            "link": link_for(verification_request),
            "valid_days": LINK_VALID_DAYS,
            "reminder": reminder,
        }
        subject = (
            _("Reminder: is your listing on CAS Directory still correct?")
            if reminder
            else _("Is your listing on CAS Directory still correct?")
        )
        body = render_to_string("organizations/provider/request_email.txt", context)
    return EmailMessage(f"{subject} ({organization.name})", body, to=[verification_request.email])


def send_request(verification_request: VerificationRequest, *, reminder: bool = False) -> bool:
    """Send it; a refused address is recorded as a bounce (and False returned).

    Other mail failures (the server is down) propagate, so the caller can leave the
    request unsent and try again on its next run.
    """
    try:
        _message(verification_request, reminder=reminder).send()
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused) as refused:
        verification_request.bounced_at = timezone.now()
        verification_request.bounce_reason = str(refused)[:REASON_LENGTH]
        verification_request.save(update_fields=["bounced_at", "bounce_reason"])
        return False
    return True
