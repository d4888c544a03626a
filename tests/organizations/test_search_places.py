"""ZIP codes: the county they are in, and results nearest first."""

import pytest
from django.urls import reverse

from organizations.filters import DirectoryFilterSet
from organizations.geo import miles_from
from organizations.models import Location
from organizations.zip_codes import lookup_zip
from tests.factories import LocationFactory, OrganizationFactory, ServiceFactory, county
from tests.organizations.listed import listed

pytestmark = pytest.mark.django_db


def test_zip_95814_resolves_to_sacramento_county():
    place = lookup_zip("95814")
    assert place.county_name == "Sacramento"
    filterset = DirectoryFilterSet({"zip": "95814"})
    assert filterset.place.county.slug == "sacramento"
    assert DirectoryFilterSet({"zip": "95814-1234"}).place.zip_code.code == "95814"


def test_haversine_distance_in_the_database():
    # Downtown Sacramento to Fresno City Hall: 157.8 miles as the crow flies.
    location = LocationFactory(latitude="36.737800", longitude="-119.787100", city="Fresno")
    miles = (
        Location.objects.filter(pk=location.pk)
        .annotate(miles=miles_from(38.5804, -121.4922))
        .get()
        .miles
    )
    assert miles == pytest.approx(157.8, abs=0.1)


@pytest.fixture
def sacramento_area():
    sacramento = county("sacramento")

    def organization(name, latitude, longitude, confidential=False):
        service = ServiceFactory(organization=OrganizationFactory(name=name))
        service.counties.set([sacramento])
        LocationFactory(
            organization=service.organization,
            county=sacramento,
            latitude=latitude,
            longitude=longitude,
            is_confidential=confidential,
        )
        return service.organization

    organization("A Far Office", "38.250000", "-121.300000")  # Galt, ~25 mi
    organization("B Near Office", "38.581000", "-121.494000")  # downtown, 0 mi
    organization("C Middle Office", "38.680000", "-121.270000")  # Citrus Heights, ~14 mi
    # Its only site is confidential and right at the ZIP's centre: it must not
    # sort first, or distances would point to the shelter.
    organization("D Confidential Shelter", "38.580400", "-121.492200", confidential=True)
    # Serves Sacramento from Fresno: far away but still in the results.
    far = ServiceFactory(organization=OrganizationFactory(name="E Statewide Line"))
    far.is_statewide = True
    far.save()
    LocationFactory(
        organization=far.organization,
        county=county("fresno"),
        latitude="36.737800",
        longitude="-119.787100",
    )


def test_results_within_a_zip_are_sorted_by_distance(client, sacramento_area):
    response = client.get(reverse("organizations:search"), {"zip": "95814"})
    organizations = listed(response)
    names = [o.name for o in organizations]
    assert names == [
        "B Near Office",
        "C Middle Office",
        "A Far Office",
        "E Statewide Line",
        "D Confidential Shelter",
    ]
    body = response.content.decode()
    assert "less than a mile away" in body
    assert "about 14 miles away" in body
    assert "about 25 miles away" in body
    assert "Nearest to ZIP code 95814 first." in body
    assert organizations[-1].distance is None


def test_a_zip_outside_california_or_malformed_is_explained(client, sacramento_area):
    response = client.get(reverse("organizations:search"), {"zip": "10001"})
    assert response.status_code == 200
    assert "We could not find ZIP code 10001 in California." in response.content.decode()
    assert len(response.context["organizations"]) == 5
    response = client.get(reverse("organizations:search"), {"zip": "abc"})
    assert "Enter a five-digit ZIP code, for example 95814." in response.content.decode()
