"""The curators' dashboard: verification this cycle, by county."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from organizations.models import VerificationRequest
from tests.factories import LocationFactory, OrganizationFactory, ServiceFactory, county

pytestmark = pytest.mark.django_db


def in_county(name: str, slug: str, **fields):
    organization = OrganizationFactory(name=name, **fields)
    ServiceFactory(organization=organization, counties_served=[county(slug)])
    return organization


def test_due_sent_answered_changed_no_answer_and_bounced_by_county(
    curator_client, django_assert_max_num_queries
):
    now = timezone.now()
    old = timezone.localdate() - timedelta(days=400)
    due = in_county("Due", "fresno", last_verified_on=old)
    answered = in_county("Answered", "fresno", last_verified_on=old)
    VerificationRequest.objects.create(
        organization=answered,
        email="a@x.example",
        language="en",
        answered_at=now,
        outcome=VerificationRequest.Outcome.CHANGED,
    )
    silent = in_county("Silent", "kern", last_verified_on=old)
    VerificationRequest.objects.create(
        organization=silent,
        email="s@x.example",
        language="en",
        created_at=now - timedelta(days=30),
        reminded_at=now - timedelta(days=15),
    )
    bounced = OrganizationFactory(name="Bounced", last_verified_on=old)
    LocationFactory(organization=bounced, county=county("kern"))
    VerificationRequest.objects.create(
        organization=bounced, language="en", bounced_at=now, bounce_reason="No contact"
    )
    with django_assert_max_num_queries(25):
        response = curator_client.get(reverse("admin:index"))
    rows = dict(response.context["verification_rows"])
    assert rows["Fresno"] == {
        "due": 2,
        "sent": 1,
        "answered": 1,
        "changed": 1,
        "no_answer": 0,
        "bounced": 0,
    }
    assert rows["Kern"] == {
        "due": 2,
        "sent": 2,
        "answered": 0,
        "changed": 0,
        "no_answer": 1,
        "bounced": 1,
    }
    assert response.context["verification_totals"]["due"] == 4
    assert "1 listing did not answer: call them" in response.content.decode()
    assert due.pk
