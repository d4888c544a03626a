"""The admin index: listings due for a call and suggestions waiting for review."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.publishing import Status
from organizations.models import Suggestion
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_dashboard_lists_due_listings_and_open_suggestions(
    curator_client, django_assert_max_num_queries
):
    today = timezone.localdate()
    never = OrganizationFactory(name="Never called", last_verified_on=None)
    stale = OrganizationFactory(name="Stale", last_verified_on=today - timedelta(days=500))
    OrganizationFactory(name="Fresh", last_verified_on=today - timedelta(days=20))
    OrganizationFactory(name="Draft, never", status=Status.DRAFT, last_verified_on=None)
    Suggestion.objects.create(organization=stale, message="Moved to a new office")
    Suggestion.objects.create(
        organization=never, message="Already handled", status=Suggestion.Status.ACCEPTED
    )

    with django_assert_max_num_queries(12):
        response = curator_client.get(reverse("admin:index"))

    assert response.status_code == 200
    context = response.context
    assert [listing.name for listing in context["due_listings"]] == ["Never called", "Stale"]
    assert context["due_count"] == 2
    assert [s.message for s in context["suggestions"]] == ["Moved to a new office"]
    body = response.content.decode()
    assert "2 published listings not verified in 180 days" in body
    assert "1 suggested correction to review" in body
    assert "?status__exact=published&amp;verified=due" in body


def test_the_dashboard_shows_nothing_to_staff_without_listing_permissions(
    client, django_user_model
):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)
    client.force_login(clerk)
    OrganizationFactory(last_verified_on=None)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "due_listings" not in response.context
    assert "not verified in" not in response.content.decode()
