"""The signed links in verification requests: single-purpose, expiring, used once.

A link carries the request's random key, signed with a salt used for nothing
else and a timestamp (`TimestampSigner`), so it cannot be forged, altered or
reused for another purpose, stops working LINK_VALID_DAYS after it was sent,
and stops working once its request has been answered.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from organizations.models import VerificationRequest
from organizations.verification import LINK_VALID_DAYS

_SALT = "organizations.providers.verification-link"
MAX_AGE = timedelta(days=LINK_VALID_DAYS)


class LinkError(Exception):
    """Why a link does not open a listing: "invalid", "expired" or "used"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def make_token(verification_request: VerificationRequest) -> str:
    return signing.dumps(str(verification_request.key), salt=_SALT, compress=False)


def link_for(verification_request: VerificationRequest) -> str:
    """The absolute address of the provider's page, in the contact's language."""
    with translation.override(verification_request.language):
        path = reverse("providers:listing", kwargs={"token": make_token(verification_request)})
    return settings.SITE_URL + path


def read_token(token: str) -> VerificationRequest:
    """The request a link belongs to, or LinkError; writes nothing."""
    try:
        key = signing.loads(token, salt=_SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    found = (
        VerificationRequest.objects.filter(key=key).select_related("organization").first()
        if isinstance(key, str)
        else None
    )
    # A listing archived since the request went out is no one's to confirm.
    if found is None or not found.organization.is_published:
        raise LinkError("invalid")
    if found.answered_at is not None:
        raise LinkError("used")
    return found
