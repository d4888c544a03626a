"""Freshness in public: who confirmed a listing and when, stale ones last, and intake notes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from organizations.models import Organization, Service
from organizations.models.organization import VerifiedVia
from tests.factories import OrganizationFactory, ServiceFactory, county
from tests.organizations.listed import listed_names

pytestmark = pytest.mark.django_db


def days_ago(days: int):
    return timezone.localdate() - timedelta(days=days)


def test_stale_listings_sort_after_fresh_ones(client):
    fresno = county("fresno")
    for name, verified in [("Aardvark", days_ago(600)), ("Bison", None), ("Zebra", days_ago(5))]:
        ServiceFactory(
            organization=OrganizationFactory(name=name, last_verified_on=verified),
            counties_served=[fresno],
        )
    response = client.get(reverse("organizations:county", kwargs={"slug": "fresno"}))
    names = listed_names(response)
    assert names.index("Zebra") < names.index("Aardvark")
    assert names.index("Zebra") < names.index("Bison")
    assert set(Organization.objects.stale().filter(name__in=names)) == set(
        Organization.objects.filter(name__in=["Aardvark", "Bison"])
    )


@pytest.mark.parametrize(
    ("verified", "via", "expected"),
    [
        (5, VerifiedVia.ORGANIZATION, "Confirmed by the organization on {date}"),
        (5, VerifiedVia.CURATOR, "Checked by CAS Directory on {date}"),
        (600, VerifiedVia.ORGANIZATION, "Not checked for over 18 months (last on {date})"),
        (None, "", "Not yet checked: please call to confirm before you go."),
    ],
)
def test_the_listing_says_who_checked_it_and_when(client, verified, via, expected):
    day = None if verified is None else days_ago(verified)
    organization = OrganizationFactory(last_verified_on=day, verified_via=via)
    body = client.get(organization.get_absolute_url()).content.decode()
    assert expected.format(date=day and date_format(day, "DATE_FORMAT")) in body


def test_accepting_new_clients_lapses_after_30_days(client):
    organization = OrganizationFactory()
    current = ServiceFactory(
        organization=organization,
        name="Current",
        accepting_new_clients=True,
        accepting_new_clients_on=days_ago(30),
    )
    lapsed = ServiceFactory(
        organization=organization,
        name="Lapsed",
        accepting_new_clients=False,
        accepting_new_clients_on=days_ago(31),
    )
    ServiceFactory(organization=organization, name="Never asked")
    assert list(Service.objects.with_current_intake_answer()) == [current]
    assert current.intake_note.startswith("Accepting new clients as of")
    assert lapsed.intake_note == "Call to ask whether they are taking new clients."
    body = client.get(organization.get_absolute_url()).content.decode()
    assert "Accepting new clients as of" in body
    assert body.count("Call to ask whether they are taking new clients.") == 1


def test_the_intake_note_is_the_hsds_services_alert(client):
    service = ServiceFactory(accepting_new_clients=True, accepting_new_clients_on=days_ago(31))
    url = reverse("hsds:service", kwargs={"id": str(service.uuid)})
    assert client.get(url).json()["alert"] == "Call to ask whether they are taking new clients."
