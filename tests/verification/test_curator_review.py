"""The curators' queue: each proposed field accepted or rejected, with history."""

import pytest
from django.urls import reverse

from organizations.models import Proposal, Service
from organizations.models.organization import VerifiedVia
from organizations.providers.links import make_token
from tests.verification.test_provider_page import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(client, listing_with_request):
    _organization, service, office, request = listing_with_request
    url = reverse("providers:listing", kwargs={"token": make_token(request)})
    data = form_data(client.get(url))
    data[f"service-{service.pk}-eligibility"] = "Adults and teens"
    data[f"location-{office.pk}-hours"] = "Mon-Fri 10:00-18:00"
    data["organization-website"] = "https://new.example.org"
    assert client.post(url, data).status_code == 302
    return Proposal.objects.get()


def review_url(proposal) -> str:
    return reverse("admin:organizations_proposal_change", args=[proposal.pk])


def decisions(proposal, **by_key) -> dict:
    return {
        f"decision-{index}": by_key[change["key"]]
        for index, change in enumerate(proposal.changes)
        if change["key"] in by_key
    }


def test_accept_one_field_and_reject_another(curator_client, curator, proposal):
    organization = proposal.organization
    service = organization.services.get()
    office = organization.locations.get(name="Main office")
    page = curator_client.get(review_url(proposal))
    assert page.status_code == 200
    assert "Adults and teens" in page.content.decode()

    response = curator_client.post(
        review_url(proposal),
        decisions(
            proposal,
            **{
                f"service.{service.pk}.eligibility": "accepted",
                f"location.{office.pk}.hours": "accepted",
                "organization.website": "rejected",
            },
        ),
    )
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.eligibility == "Adults and teens"
    assert [(s.weekday, s.opens_at.hour) for s in office.schedules.all()] == [
        (day, 10) for day in range(1, 6)
    ]
    organization.refresh_from_db()
    assert organization.website == "https://harbor.example.org"
    # Every change decided: confirmed by the organization, today.
    assert organization.verified_via == VerifiedVia.ORGANIZATION
    proposal.refresh_from_db()
    assert proposal.decided_by == curator
    assert [change["decision"] for change in proposal.changes] == [
        "rejected",
        "accepted",
        "accepted",
    ]
    entry = Service.history.filter(id=service.pk).latest()
    assert entry.history_user == curator
    assert entry.history_change_reason.startswith("Proposed by the organization")
    assert "accepted by carmen" in entry.history_change_reason


def test_a_curators_newer_edit_is_shown_beside_the_proposal(curator_client, proposal):
    service = proposal.organization.services.get()
    service.eligibility = "Adults, by referral"  # a curator's edit after the proposal
    service.save()
    page = curator_client.get(review_url(proposal)).content.decode()
    assert "A curator has changed this since" in page
    assert "Adults, by referral" in page
    assert "Adults and teens" in page
    # Rejecting keeps the curator's edit; nothing was overwritten meanwhile.
    curator_client.post(
        review_url(proposal),
        decisions(proposal, **{f"service.{service.pk}.eligibility": "rejected"}),
    )
    service.refresh_from_db()
    assert service.eligibility == "Adults, by referral"


def test_deciding_part_leaves_the_rest_in_the_queue(curator_client, proposal):
    curator_client.post(
        review_url(proposal), decisions(proposal, **{"organization.website": "rejected"})
    )
    assert list(Proposal.objects.open()) == [proposal]


def test_nothing_chosen_changes_nothing(curator_client, proposal):
    response = curator_client.post(review_url(proposal), {})
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.pending_changes == proposal.changes


def test_staff_without_the_permission_cannot_decide(client, django_user_model, proposal):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)
    client.force_login(clerk)
    assert client.post(review_url(proposal), {"decision-0": "accepted"}).status_code == 403
