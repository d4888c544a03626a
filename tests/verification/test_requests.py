"""send_verification_requests over a real loopback SMTP server, with the clock frozen."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from core.publishing import Status
from organizations.models import Organization, VerificationRequest
from tests.factories import OrganizationFactory
from tests.verification.conftest import REFUSED_DOMAIN, body, link_path

pytestmark = pytest.mark.django_db

# 10:00 in California.
DAY_0 = datetime(2027, 3, 1, 18, 0, tzinfo=UTC)


def on_day(days: int):
    return time_machine.travel(DAY_0 + timedelta(days=days), tick=False)


def run() -> None:
    call_command("send_verification_requests", stdout=open("/dev/null", "w"))  # noqa: SIM115


def listing(name: str, *, verified_days_ago: int | None, **fields) -> Organization:
    verified = (
        None
        if verified_days_ago is None
        else timezone.localdate() - timedelta(days=verified_days_ago)
    )
    return OrganizationFactory(name=name, last_verified_on=verified, **fields)


def test_due_listings_get_one_mail_per_cycle_with_a_working_link(smtp_inbox, client):
    with on_day(0):
        due = listing("Harbor Light", verified_days_ago=181, verification_email="a@harbor.example")
        spanish = listing(
            "Casa Esperanza",
            verified_days_ago=None,
            verification_email="b@casa.example",
            verification_language="es",
        )
        listing("Fresh", verified_days_ago=180, verification_email="c@fresh.example")
        listing(
            "Draft",
            verified_days_ago=None,
            verification_email="d@draft.example",
            status=Status.DRAFT,
        )
        run()
        run()

    assert sorted(m["To"] for m in smtp_inbox.messages) == ["a@harbor.example", "b@casa.example"]
    (english,) = smtp_inbox.to("a@harbor.example")
    assert "Is your listing on CAS Directory still correct?" in english["Subject"]
    assert "Harbor Light" in body(english)
    (spanish_mail,) = smtp_inbox.to("b@casa.example")
    assert "¿" in spanish_mail["Subject"]
    assert link_path(spanish_mail).startswith("/es/verify/")
    assert VerificationRequest.objects.filter(organization=due).count() == 1
    assert VerificationRequest.objects.filter(organization=spanish).count() == 1

    with on_day(1):
        page = client.get(link_path(english))
    assert page.status_code == 200
    assert "Harbor Light" in page.content.decode()


def test_a_reminder_after_14_days_then_the_no_answer_queue(smtp_inbox):
    with on_day(0):
        organization = listing(
            "Harbor Light", verified_days_ago=400, verification_email="a@harbor.example"
        )
        run()
    assert len(smtp_inbox.messages) == 1
    with on_day(13):
        run()
    assert len(smtp_inbox.messages) == 1
    with on_day(14):
        run()
        run()
    assert len(smtp_inbox.messages) == 2
    reminder = smtp_inbox.messages[1]
    assert reminder["Subject"].startswith("Reminder:")
    assert "two weeks ago" in body(reminder)
    for day in (15, 27):
        with on_day(day):
            run()
            assert not Organization.objects.without_answer().exists()
    with on_day(28):
        run()
        assert list(Organization.objects.without_answer()) == [organization]
    # Nothing more is sent: the curators take over until the next cycle.
    with on_day(100):
        run()
    assert len(smtp_inbox.messages) == 2


def test_an_answer_stops_the_reminder(smtp_inbox, client):
    with on_day(0):
        listing("Harbor Light", verified_days_ago=400, verification_email="a@harbor.example")
        run()
    with on_day(3):
        response = client.post(link_path(smtp_inbox.messages[0]), {"action": "confirm"})
        assert response.status_code == 302
    with on_day(14):
        run()
    assert len(smtp_inbox.messages) == 1


def test_the_next_cycle_asks_again(smtp_inbox, client):
    with on_day(0):
        listing("Harbor Light", verified_days_ago=400, verification_email="a@harbor.example")
        run()
        client.post(link_path(smtp_inbox.messages[0]), {"action": "confirm"})
    with on_day(180):
        run()
    assert len(smtp_inbox.messages) == 1
    with on_day(181):
        run()
    assert len(smtp_inbox.messages) == 2


def test_bounces_and_missing_addresses_are_recorded_not_retried(smtp_inbox):
    with on_day(0):
        refused = listing(
            "Refused", verified_days_ago=400, verification_email=f"old@{REFUSED_DOMAIN}"
        )
        unknown = listing("No contact", verified_days_ago=400)
        run()
    assert smtp_inbox.messages == []
    bounce = VerificationRequest.objects.get(organization=refused)
    assert bounce.bounced_at is not None
    assert "No such mailbox" in bounce.bounce_reason
    missing = VerificationRequest.objects.get(organization=unknown)
    assert (missing.email, missing.bounced_at is not None) == ("", True)
    # Not retried: neither on reminder day nor in the next cycle with the same address.
    for day in (14, 28, 200):
        with on_day(day):
            run()
    assert smtp_inbox.messages == []
    assert VerificationRequest.objects.filter(organization=refused).count() == 1
    # A curator's new address is tried in the next cycle.
    refused.verification_email = "new@refused.example"
    refused.save()
    with on_day(200):
        run()
    assert [m["To"] for m in smtp_inbox.messages] == ["new@refused.example"]


def test_a_mail_server_that_is_down_leaves_the_request_for_the_next_run(settings, due_listing):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # discard: nothing listens there
    settings.EMAIL_TIMEOUT = 5
    run()
    assert not VerificationRequest.objects.exists()
