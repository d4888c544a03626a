"""Each shape of results lists what grouping the matching services lists, page for page."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from core.models import County
from organizations.filters import DirectoryFilterSet
from organizations.models import Organization, Service
from organizations.models.search_results import COUNT_LIMIT, FilteredResults, GroupedResults
from organizations.models.segmented_results import BrowsedResults, NearbyResults
from organizations.sample_data import SampleDirectory
from tests.factories import OrganizationFactory, ServiceFactory, county
from tests.organizations.listed import listed_names

pytestmark = pytest.mark.django_db

PAGE = 20


def every_page(results) -> tuple[list[int], list]:
    """Every organization's id, page after page, and the pages."""
    ids, pages, number = [], [], 1
    while True:
        page = results.page(number, PAGE)
        pages.append(page)
        ids += [organization.pk for organization in page.results]
        if len(page.results) < PAGE:
            return ids, pages
        number += 1


@pytest.mark.parametrize("slug", ["los-angeles", "alpine", None])
def test_browsing_lists_what_grouping_lists_in_the_same_order(reference_data, slug):
    SampleDirectory(count=400, seed=3).build()
    place = County.objects.get(slug=slug) if slug else None
    services = Service.objects.published()
    if place is not None:
        services = services.serving([place])
    browsed = BrowsedResults(Organization.objects.all(), services, county=place)
    grouped = GroupedResults(Organization.objects.all(), services, county=place)

    browsed_ids, pages = every_page(browsed)
    grouped_ids, _pages = every_page(grouped)

    assert len(grouped_ids) > COUNT_LIMIT, "enough listings to pass the count's limit"
    assert browsed_ids == grouped_ids
    first, last = pages[0], pages[-1]
    # The first page counts only so far; the last one has read everything.
    assert not first.exact
    assert first.total > COUNT_LIMIT
    assert first.passed < first.total
    assert last.exact
    assert last.total == len(grouped_ids)
    if place is not None:
        assert first.local_count == grouped.local_count()


def test_a_long_county_listing_says_more_than_and_names_no_last_page(client, reference_data):
    SampleDirectory(count=400, seed=3).build()
    response = client.get(reverse("organizations:county", args=["los-angeles"]))
    page = response.content.decode()
    results_page = response.context["results_page"]
    assert f"More than {results_page.passed} organizations" in page
    assert f"More than {results_page.passed} organizations help survivors" in page
    assert "Page 1</span>" in page
    assert response.context["page_obj"].has_next()


def test_a_short_county_listing_is_counted_exactly_and_past_the_end_shows_the_last_page(client):
    fresno = county("fresno")
    for index in range(25):
        ServiceFactory(
            organization=OrganizationFactory(name=f"Fresno Aid {index:02d}"),
            counties_served=[fresno],
        )
    url = reverse("organizations:county", args=["fresno"])

    response = client.get(url, {"page": 9})

    assert response.context["page_obj"].number == 2
    assert listed_names(response) == [f"Fresno Aid {index:02d}" for index in range(20, 25)]
    page = response.content.decode()
    assert "25 organizations" in page
    assert "Page 2 of 2" in page


def test_a_filter_beyond_the_county_is_grouped_and_counted_exactly(client, reference_data):
    SampleDirectory(count=400, seed=3).build()
    response = client.get(
        reverse("organizations:county", args=["los-angeles"]), {"service_type": "legal-services"}
    )
    assert response.context["results_page"].exact
    assert "More than" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["zip=95814", "county=los-angeles&free=1", "free=1&open_24_7=1"],
)
def test_filtered_results_list_what_grouping_lists_in_the_same_order(reference_data, query):
    SampleDirectory(count=300, seed=5).build()
    filterset = DirectoryFilterSet(QueryDict(query))
    place = filterset.place
    near = (place.zip_code.latitude, place.zip_code.longitude) if place else None
    arguments = {"near": near, "county": filterset.searched_county}
    filtered = FilteredResults(Organization.objects.all(), filterset.qs, **arguments)
    grouped = GroupedResults(Organization.objects.all(), filterset.qs, **arguments)

    filtered_ids, pages = every_page(filtered)
    grouped_ids, _pages = every_page(grouped)

    assert len(grouped_ids) > PAGE, "more than one page"
    assert filtered_ids == grouped_ids
    assert {page.total for page in pages} == {len(grouped_ids)}
    assert {page.local_count for page in pages} == {grouped.local_count()}


@pytest.mark.parametrize("query", ["zip=95814", "zip=96120", "zip=95814&county=alpine"])
def test_a_zip_codes_segments_list_what_grouping_lists_in_the_same_order(reference_data, query):
    SampleDirectory(count=400, seed=3).build()
    filterset = DirectoryFilterSet(QueryDict(query))
    place = filterset.place
    near = (place.zip_code.latitude, place.zip_code.longitude)
    county_searched = filterset.searched_county
    nearby = NearbyResults(
        Organization.objects.all(), filterset.qs, near=near, county=county_searched
    )
    grouped = GroupedResults(
        Organization.objects.all(), filterset.qs, near=near, county=county_searched
    )

    nearby_ids, pages = every_page(nearby)
    grouped_ids, _pages = every_page(grouped)

    assert len(grouped_ids) > COUNT_LIMIT
    assert nearby_ids == grouped_ids
    first, last = pages[0], pages[-1]
    assert not first.exact
    assert last.exact
    assert last.total == len(grouped_ids)
    assert last.local_exact
    assert last.local_count == grouped.local_count()
    distances = [o.distance for o in nearby.page(1, PAGE).results]
    assert all(distance is not None for distance in distances[:1])


def test_a_zip_code_page_past_the_end_shows_the_last_page(client, reference_data):
    SampleDirectory(count=60, seed=3).build()
    response = client.get(reverse("organizations:search"), {"zip": "95814", "page": 99})
    page_obj = response.context["page_obj"]
    assert response.context["results_page"].exact
    assert not page_obj.has_next()
    assert page_obj.number == page_obj.paginator.num_pages
    assert response.context["organizations"]
