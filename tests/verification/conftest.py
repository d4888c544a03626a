"""A real SMTP server on loopback (aiosmtpd) and listings due for verification."""

import socket
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from tests.curation.conftest import curator, curator_client, roles  # noqa: F401
from tests.factories import OrganizationFactory

# The test server refuses these recipients, as a real one refuses an unknown mailbox.
REFUSED_DOMAIN = "bounces.example.org"


class Inbox:
    """What arrived at the server, parsed as a mail reader would."""

    def __init__(self):
        self.messages: list[EmailMessage] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@" + REFUSED_DOMAIN):
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append(message)
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_inbox(settings):
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.SITE_URL = "http://testserver"
    yield inbox
    controller.stop()


def body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return part.get_content()


def link_path(message: EmailMessage) -> str:
    """The provider page's path from the mail's link."""
    for line in body(message).splitlines():
        if line.startswith("http://testserver/"):
            return line.removeprefix("http://testserver").strip()
    raise AssertionError("the mail has no link to the provider page")


@pytest.fixture
def due_listing(db):
    return OrganizationFactory(
        name="Harbor Light",
        verification_email="listings@harbor.example.org",
        last_verified_on=timezone.localdate() - timedelta(days=400),
    )


@pytest.fixture
def listing_with_request(db):
    """A listing with a service, phones, a public and a confidential location, and its request."""
    from organizations.models import VerificationRequest
    from tests.factories import (
        LocationFactory,
        PhoneFactory,
        ScheduleFactory,
        ServiceFactory,
        language,
    )

    organization = OrganizationFactory(
        name="Harbor Light",
        website="https://harbor.example.org",
        verification_email="listings@harbor.example.org",
        last_verified_on=timezone.localdate() - timedelta(days=400),
    )
    service = ServiceFactory(
        organization=organization,
        name="Legal help",
        eligibility="Adults",
        languages_spoken=[language("en")],
    )
    PhoneFactory(organization=organization, number="916-555-0100")
    office = LocationFactory(organization=organization, name="Main office")
    ScheduleFactory(location=office)
    LocationFactory(
        organization=organization,
        name="Safe house",
        address_1="77 Secret Lane",
        city="Davis",
        is_confidential=True,
        latitude=None,
        longitude=None,
    )
    request = VerificationRequest.objects.create(
        organization=organization, email=organization.verification_email, language="en"
    )
    return organization, service, office, request
