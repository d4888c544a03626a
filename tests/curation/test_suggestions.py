"""Suggest a correction: the public form, its spam checks, the rate limit and the email."""

import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from core.publishing import Status
from organizations import suggestions
from organizations.models import Suggestion
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

VISITOR = "203.0.113.7"


@pytest.fixture
def organization():
    return OrganizationFactory(name="Harbor Light", slug="harbor-light")


def started(organization, seconds_ago: float = 30) -> str:
    return signing.dumps(
        {"organization": organization.pk, "at": time.time() - seconds_ago},
        salt="organizations.suggestions.started",
    )


def send(client, organization, remote_addr=VISITOR, language="", **fields):
    data = {
        "message": "The hotline number no longer works.",
        "contact": "",
        "website": "",
        "started": started(organization),
    } | fields
    url = f"{language}{reverse('organizations:suggest', args=[organization.slug])}"
    return client.post(url, data, REMOTE_ADDR=remote_addr)


def thanks_url(organization) -> str:
    return reverse("organizations:suggest_thanks", args=[organization.slug])


def test_the_form_page_warns_about_personal_details(client, organization):
    response = client.get(reverse("organizations:suggest", args=[organization.slug]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Please do not include personal details about a survivor" in body
    assert "(optional)" in body
    assert 'aria-describedby="id_message_helptext suggest-privacy"' in body
    assert 'name="website"' in body
    assert "<div hidden>" in body, "the honeypot is hidden without inline style"
    assert "no-store" in response["Cache-Control"], "a page with a CSRF token is never cached"
    # Under the site-wide "no-referrer" browsers would post the form with "Origin: null".
    assert '<meta name="referrer" content="same-origin">' in body


def test_a_valid_suggestion_is_queued_and_emailed_without_the_address(
    client, organization, django_capture_on_commit_callbacks, settings
):
    settings.CURATOR_EMAILS = ["desk@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, organization, contact="maria@example.org")

    assert response.status_code == 302
    assert response["Location"] == thanks_url(organization)
    suggestion = Suggestion.objects.get()
    assert suggestion.organization == organization
    assert suggestion.message == "The hotline number no longer works."
    assert suggestion.contact == "maria@example.org"
    assert suggestion.status == Suggestion.Status.NEW
    assert len(suggestion.ip_hash) == 64
    assert VISITOR not in suggestion.ip_hash

    (email,) = mail.outbox
    assert email.to == ["desk@example.org"]
    assert email.subject == "Suggested correction: Harbor Light"
    assert "The hotline number no longer works." in email.body
    assert "maria@example.org" in email.body
    assert f"/admin/organizations/suggestion/{suggestion.pk}/change/" in email.body
    assert VISITOR not in email.body
    assert VISITOR not in email.subject
    assert client.get(thanks_url(organization)).status_code == 200


def test_the_curator_email_is_in_english_even_from_the_spanish_page(
    client, organization, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, organization, language="/es")
    assert mail.outbox[0].subject.startswith("Suggested correction")


def test_contact_is_optional_but_the_message_is_not(client, organization):
    response = send(client, organization, message="   ")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Write what is wrong or out of date in the listing." in body
    assert "This field is required." not in body, "plain words, not Django's defaults"
    assert not Suggestion.objects.exists()


def test_errors_are_summarised_first_and_named_in_the_title(client, organization):
    body = send(client, organization, message="").content.decode()
    assert "<title>Error: Suggest a correction: Harbor Light" in body
    summary = body.index('class="error-summary"')
    assert summary < body.index("<h1>"), "the summary comes before the heading"
    assert 'href="#id_message">Write what is wrong' in body[summary:]
    assert "js/error-summary.js" in body, "a script moves focus to it"


def test_overlong_fields_are_form_errors(client, organization):
    response = send(client, organization, message="x" * 2001, contact="y" * 201)
    assert response.status_code == 200
    body = response.content.decode()
    assert "it can have up to 2000 characters and has 2001" in body
    assert "it can have up to 200 characters and has 201" in body
    assert not Suggestion.objects.exists()


@pytest.mark.parametrize(
    "spam",
    [
        {"website": "http://cheap-pills.example"},
        {"started": "not-a-signed-value"},
        {"started": ""},
    ],
    ids=["honeypot", "forged-timestamp", "no-timestamp"],
)
def test_a_note_refused_as_spam_is_never_thanked_for_and_keeps_what_was_typed(
    client, organization, spam
):
    response = send(client, organization, contact="maria@example.org", **spam)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Thank you" not in body
    assert "Your note was not sent" in body
    assert "The hotline number no longer works." in body
    assert 'value="maria@example.org"' in body
    assert "cheap-pills" not in body, "the honeypot comes back empty"
    assert not Suggestion.objects.exists()
    assert not mail.outbox


def test_a_note_refused_as_too_fast_goes_through_when_sent_again(client, organization):
    response = send(client, organization, started=started(organization, seconds_ago=0.5))
    assert "Your note was not sent" in response.content.decode()
    assert not Suggestion.objects.exists()
    fresh = response.context["form"].data["started"]
    # The visitor presses Send again a few seconds later (here: a timestamp from then).
    assert signing.loads(fresh, salt="organizations.suggestions.started")["organization"] == (
        organization.pk
    )
    response = send(client, organization, started=started(organization, seconds_ago=10))
    assert response["Location"] == thanks_url(organization)
    assert Suggestion.objects.count() == 1


def test_a_timestamp_from_another_organizations_form_is_refused(client, organization):
    other = OrganizationFactory()
    response = send(client, organization, started=started(other))
    assert "Your note was not sent" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_form_left_open_for_days_asks_to_be_sent_again(client, organization):
    response = send(client, organization, started=started(organization, seconds_ago=3 * 86400))
    assert response.status_code == 200
    assert "open for a long time" in response.content.decode()
    assert "The hotline number no longer works." in response.content.decode(), "text is kept"
    assert not Suggestion.objects.exists()
    fresh = response.context["form"].data["started"]
    assert signing.loads(fresh, salt="organizations.suggestions.started")["at"] > time.time() - 60


def test_over_the_rate_limit_is_a_polite_429(client, organization):
    for _ in range(suggestions.RATE_LIMIT):
        assert send(client, organization).status_code == 302
    response = send(client, organization)
    assert response.status_code == 429
    assert "Please try again later" in response.content.decode()
    assert response["Retry-After"] == "3600"
    assert Suggestion.objects.count() == suggestions.RATE_LIMIT
    # Another visitor is not affected, nor is this one once the hour has passed.
    assert send(client, organization, remote_addr="198.51.100.20").status_code == 302
    Suggestion.objects.update(created_at=timezone.now() - timedelta(hours=2))
    assert send(client, organization).status_code == 302


def test_ipv6_visitors_are_counted_by_their_64_network(client, organization):
    for host in range(suggestions.RATE_LIMIT):
        send(client, organization, remote_addr=f"2001:db8:1:2::{host + 1}")
    assert send(client, organization, remote_addr="2001:db8:1:2::ffff").status_code == 429
    assert send(client, organization, remote_addr="2001:db8:1:3::1").status_code == 302


@pytest.mark.parametrize("status", [Status.DRAFT, Status.ARCHIVED])
def test_unpublished_organizations_have_no_form(client, status):
    hidden = OrganizationFactory(status=status)
    assert client.get(reverse("organizations:suggest", args=[hidden.slug])).status_code == 404
    assert send(client, hidden).status_code == 404
    assert client.get(reverse("organizations:suggest", args=["no-such-place"])).status_code == 404


def test_curators_review_suggestions_in_the_queue(curator_client, curator, organization):
    suggestion = Suggestion.objects.create(organization=organization, message="Closed now")
    changelist = curator_client.get(
        reverse("admin:organizations_suggestion_changelist"), {"status__exact": "new"}
    )
    assert "Closed now" in changelist.content.decode()
    url = reverse("admin:organizations_suggestion_change", args=[suggestion.pk])
    page = curator_client.get(url)
    assert "ip_hash" not in page.content.decode()
    response = curator_client.post(
        url, {"status": "accepted", "curator_notes": "Called them; listing archived."}
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.ACCEPTED
    assert suggestion.curator_notes == "Called them; listing archived."
    assert suggestion.reviewed_by == curator
    assert suggestion.reviewed_at is not None
    assert suggestion.message == "Closed now", "the visitor's words cannot be edited"


def test_bulk_reject_marks_who_reviewed(curator_client, curator, organization):
    spam = [Suggestion.objects.create(organization=organization, message=f"ad {n}") for n in (1, 2)]
    curator_client.post(
        reverse("admin:organizations_suggestion_changelist"),
        {"action": "reject", "_selected_action": [s.pk for s in spam]},
    )
    for suggestion in spam:
        suggestion.refresh_from_db()
        assert (suggestion.status, suggestion.reviewed_by) == ("rejected", curator)


def test_nobody_adds_suggestions_in_the_admin(admin_client):
    response = admin_client.get(reverse("admin:organizations_suggestion_add"))
    assert response.status_code == 403


def test_open_suggestions_show_on_the_organizations_page(curator_client, organization):
    waiting = Suggestion.objects.create(organization=organization, message="New phone number")
    Suggestion.objects.create(
        organization=organization, message="Old news", status=Suggestion.Status.REJECTED
    )
    page = curator_client.get(
        reverse("admin:organizations_organization_change", args=[organization.pk])
    ).content.decode()
    assert reverse("admin:organizations_suggestion_change", args=[waiting.pk]) in page
    assert "New phone number" in page
    assert "Old news" not in page
