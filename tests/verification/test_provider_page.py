"""The provider's page: confirm, propose, and every bad link writing nothing."""

from datetime import timedelta

import pytest
import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone, translation

from organizations.models import Organization, Proposal, VerificationRequest
from organizations.models.organization import VerifiedVia
from organizations.providers.links import make_token

pytestmark = pytest.mark.django_db


def page_url(verification_request, language="en") -> str:
    with translation.override(language):
        return reverse("providers:listing", kwargs={"token": make_token(verification_request)})


def form_data(response) -> dict:
    """What a browser sends back for the "Something changed" form left as it is."""
    form = response.context["form"]
    data = {"action": "propose", "seen": form.initial["seen"]}
    for name in form.fields:
        if name == "seen":
            continue
        value = form.initial.get(name, "")
        data[name] = value if value is not None else ""
    return data


def test_the_page_shows_the_listing_without_confidential_streets(client, listing_with_request):
    _organization, _service, _office, request = listing_with_request
    response = client.get(page_url(request))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Harbor Light" in body
    assert "Everything is still correct" in body
    assert "77 Secret Lane" not in body
    assert "Davis" in body
    assert "noindex" in body


def test_the_page_in_spanish(client, listing_with_request):
    *_rest, request = listing_with_request
    response = client.get(page_url(request, "es"))
    assert response.status_code == 200
    assert 'lang="es"' in response.content.decode()
    assert "Todo sigue siendo correcto" in response.content.decode()


def test_confirm_records_the_organization_in_the_history(client, listing_with_request):
    organization, service, _office, request = listing_with_request
    service.accepting_new_clients = True
    service.accepting_new_clients_on = timezone.localdate() - timedelta(days=40)
    service.save()
    response = client.post(page_url(request), {"action": "confirm"})
    assert response.status_code == 302
    organization.refresh_from_db()
    assert organization.last_verified_on == timezone.localdate()
    assert organization.verified_via == VerifiedVia.ORGANIZATION
    latest = organization.history.latest()
    assert latest.history_change_reason == "Confirmed by the organization (verification link)"
    assert latest.history_user is None
    service.refresh_from_db()
    assert service.accepting_new_clients_on == timezone.localdate()
    request.refresh_from_db()
    assert request.outcome == VerificationRequest.Outcome.CONFIRMED
    # The link is used up: a second press writes nothing.
    again = client.post(page_url(request), {"action": "confirm"})
    assert again.status_code == 410
    assert organization.history.count() == 2


def test_propose_queues_a_field_by_field_diff_and_changes_nothing_live(
    client, listing_with_request
):
    _organization, service, office, request = listing_with_request
    page = client.get(page_url(request))
    data = form_data(page)
    data[f"service-{service.pk}-eligibility"] = "Adults and teens"
    data[f"location-{office.pk}-hours"] = "Mon-Fri 10:00-18:00"
    data[f"service-{service.pk}-intake"] = "yes"
    data["note"] = "We also opened a new office."
    response = client.post(page_url(request), data)
    assert response.status_code == 302, response.context["form"].errors
    proposal = Proposal.objects.get()
    assert {change["key"]: change["new"] for change in proposal.changes} == {
        f"service.{service.pk}.eligibility": "Adults and teens",
        f"location.{office.pk}.hours": "Mon-Fri 10:00-18:00",
        f"service.{service.pk}.intake": "yes",
    }
    assert proposal.note == "We also opened a new office."
    service.refresh_from_db()
    assert service.eligibility == "Adults"
    assert office.schedules.get().opens_at.hour == 9
    # Sent twice: still one queue entry.
    assert client.post(page_url(request), data).status_code == 410
    assert Proposal.objects.count() == 1


def test_an_unchanged_form_is_a_form_error(client, listing_with_request):
    *_rest, request = listing_with_request
    page = client.get(page_url(request))
    response = client.post(page_url(request), form_data(page))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("eligibility", "x" * 5000),
        ("hours", "every day from nine"),
        ("website", "not a web address"),
        ("phone", "12"),
    ],
)
def test_oversized_or_malformed_input_gets_form_errors(client, listing_with_request, field, value):
    organization, service, office, request = listing_with_request
    page = client.get(page_url(request))
    data = form_data(page)
    phone = organization.phones.get()
    name = {
        "eligibility": f"service-{service.pk}-eligibility",
        "hours": f"location-{office.pk}-hours",
        "website": "organization-website",
        "phone": f"phone-{phone.pk}-number",
    }[field]
    data[name] = value
    response = client.post(page_url(request), data)
    assert response.status_code == 200
    assert name in response.context["form"].errors
    assert not Proposal.objects.exists()


def test_a_tampered_seen_field_is_a_form_error(client, listing_with_request):
    *_rest, request = listing_with_request
    data = form_data(client.get(page_url(request))) | {"seen": "forged", "note": "hello"}
    response = client.post(page_url(request), data)
    assert response.status_code == 200
    assert "seen" in response.context["form"].errors


def _bad_links(request) -> dict[str, tuple[str, int]]:
    token = make_token(request)
    return {
        "forged": (signing.dumps(str(request.key), salt="another purpose"), 404),
        "altered": (token[:-3] + ("abc" if not token.endswith("abc") else "xyz"), 404),
        "garbage": ("not-a-token", 404),
        "unknown request": (
            signing.dumps(
                "00000000-0000-0000-0000-000000000000",
                salt="organizations.providers.verification-link",
            ),
            404,
        ),
    }


@pytest.mark.parametrize("case", ["forged", "altered", "garbage", "unknown request"])
def test_bad_links_get_a_clear_page_and_write_nothing(client, listing_with_request, case):
    organization, *_rest, request = listing_with_request
    token, status = _bad_links(request)[case]
    url = reverse("providers:listing", kwargs={"token": token})
    for response in (client.get(url), client.post(url, {"action": "confirm"})):
        assert response.status_code == status
        body = response.content.decode()
        assert "This link does not work" in body
        # Nothing tells which organization the link was for.
        assert "Harbor Light" not in body
    organization.refresh_from_db()
    assert organization.verified_via == ""
    request.refresh_from_db()
    assert request.answered_at is None


def test_an_expired_link(client, listing_with_request):
    organization, *_rest, request = listing_with_request
    url = page_url(request)
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        response = client.post(url, {"action": "confirm"})
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    organization.refresh_from_db()
    assert organization.verified_via == ""


def test_a_link_for_an_archived_listing_says_nothing(client, listing_with_request):
    organization, *_rest, request = listing_with_request
    Organization.objects.filter(pk=organization.pk).update(status="archived")
    response = client.get(page_url(request))
    assert response.status_code == 404
    assert "Harbor Light" not in response.content.decode()


def test_the_page_is_rate_limited(client, listing_with_request):
    *_rest, request = listing_with_request
    url = reverse("providers:listing", kwargs={"token": "guess"})
    statuses = [client.get(url).status_code for _ in range(31)]
    assert statuses[:30] == [404] * 30
    assert statuses[30] == 429
    # A valid link from the same network waits too.
    assert client.get(page_url(request)).status_code == 429
