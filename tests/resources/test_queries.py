"""List pages run a fixed number of queries however many resources they show.

Each test renders a page with few resources and again with many; the count
is pinned, so an N+1 (a query per card, per audience...) fails here.
"""

import pytest
from django.template.loader import render_to_string

from resources.contributions import library_matches, offered_resources
from tests.factories import OrganizationFactory, language
from tests.resources.factories import ResourceFactory, audience, category

pytestmark = pytest.mark.django_db


def make_resources(count: int, **kwargs):
    educators, employers = audience("educators"), audience("employers")
    for index in range(count):
        ResourceFactory(
            category=category("trainings"),
            is_featured=index % 2 == 0,
            for_audiences=[educators, employers],
            in_languages=[language("en"), language("es")],
            **kwargs,
        )


# Categories with counts, featured (+ audiences), latest (+ audiences).
INDEX_QUERIES = 5
# Category, count, page, audiences; filter options: audiences, languages, years.
CATEGORY_QUERIES = 7
# A chosen audience and language are each looked up once to validate them; a
# keyword costs no query of its own on any database (see core.search).
FILTERED_CATEGORY_QUERIES = CATEGORY_QUERIES + 2
# The search page has no category to look up, but offers the categories as an option.
SEARCH_QUERIES = 7


@pytest.mark.parametrize("count", [2, 30])
def test_library_index(client, django_assert_num_queries, count):
    make_resources(count)
    with django_assert_num_queries(INDEX_QUERIES):
        response = client.get("/resources/")
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 30])
def test_category_page(client, django_assert_num_queries, count):
    make_resources(count)
    with django_assert_num_queries(CATEGORY_QUERIES):
        response = client.get("/resources/trainings/")
    assert len(response.context["resources"]) == min(20, response.context["paginator"].count)


@pytest.mark.parametrize("count", [2, 30])
def test_filtered_category_page(client, django_assert_num_queries, count):
    make_resources(count)
    with django_assert_num_queries(FILTERED_CATEGORY_QUERIES):
        response = client.get("/resources/trainings/?audience=educators&language=es&q=test")
    assert response.context["paginator"].count >= count


@pytest.mark.parametrize("count", [2, 30])
def test_search_page(client, django_assert_num_queries, count):
    make_resources(count)
    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get("/resources/search/?q=test&trafficking_type=labor")
    assert response.context["paginator"].count >= count


@pytest.mark.parametrize("count", [2, 30])
def test_resource_page_with_related_resources(client, django_assert_num_queries, count):
    make_resources(count)
    resource = ResourceFactory(
        category=category("trainings"),
        for_audiences=[audience("educators")],
        offered_by=[OrganizationFactory()],
    )
    # Resource, its audiences, languages, counties, organizations; related and their audiences.
    with django_assert_num_queries(7):
        response = client.get(resource.get_absolute_url())
    assert len(response.context["related"]) == min(count, 4)


@pytest.mark.parametrize("count", [1, 12])
def test_organization_resources_take_one_query(django_assert_num_queries, count):
    organization = OrganizationFactory()
    for _ in range(count):
        ResourceFactory(offered_by=[organization], category=category("research"))
    with django_assert_num_queries(1):
        section = offered_resources(organization)
    html = render_to_string(section.template, section.context)
    assert html.count("<li>") == count


@pytest.mark.parametrize("count", [1, 12])
def test_library_matches_on_the_directory_search_page(django_assert_num_queries, count):
    for number in range(count):
        ResourceFactory(category=category("research"), title=f"Zephyr guide {number}")
    with django_assert_num_queries(1):
        section = library_matches("zephyr")
    html = render_to_string(section.template, section.context)
    assert html.count("<li>") == min(count, 3)
