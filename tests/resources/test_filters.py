"""The list pages' GET filters: each narrows to published resources that match."""

import datetime

import pytest

from core.publishing import Status
from resources.choices import TraffickingType
from resources.filters import ResourceFilter
from resources.models import Resource
from tests.factories import language
from tests.resources.factories import ResourceFactory, audience, category

pytestmark = pytest.mark.django_db


@pytest.fixture
def research():
    """A private category for these tests, emptied of the reference resources."""
    Resource.objects.filter(category__slug="research").delete()
    return category("research")


def listed(client, query: str, path: str = "/resources/research/") -> set[str]:
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200
    return {resource.title for resource in response.context["paginator"].object_list}


def test_audience_filter(client, research):
    ResourceFactory(title="For educators", category=research, for_audiences=[audience("educators")])
    ResourceFactory(
        title="For both",
        category=research,
        for_audiences=[audience("educators"), audience("employers")],
    )
    ResourceFactory(title="For employers", category=research, for_audiences=[audience("employers")])
    assert listed(client, "audience=educators") == {"For educators", "For both"}
    assert listed(client, "audience=employers") == {"For both", "For employers"}
    assert len(listed(client, "")) == 3


def test_trafficking_type_filter_counts_material_on_both(client, research):
    ResourceFactory(title="Sex", category=research, trafficking_type=TraffickingType.SEX)
    ResourceFactory(title="Labor", category=research, trafficking_type=TraffickingType.LABOR)
    ResourceFactory(title="Both", category=research, trafficking_type=TraffickingType.BOTH)
    assert listed(client, "trafficking_type=sex") == {"Sex", "Both"}
    assert listed(client, "trafficking_type=labor") == {"Labor", "Both"}


def test_language_filter(client, research):
    ResourceFactory(title="Spanish", category=research, in_languages=[language("es")])
    ResourceFactory(
        title="Bilingual", category=research, in_languages=[language("en"), language("es")]
    )
    ResourceFactory(title="English", category=research, in_languages=[language("en")])
    assert listed(client, "language=es") == {"Spanish", "Bilingual"}
    assert listed(client, "language=en") == {"Bilingual", "English"}


def test_year_filter(client, research):
    ResourceFactory(title="2012", category=research, published_on=datetime.date(2012, 11, 6))
    ResourceFactory(title="2024", category=research, published_on=datetime.date(2024, 1, 2))
    ResourceFactory(title="Undated", category=research, published_on=None)
    assert listed(client, "year=2012") == {"2012"}
    assert listed(client, "year=2024") == {"2024"}


def test_keyword_filter_searches_titles_summaries_and_bodies(client, research):
    ResourceFactory(title="Farmworker rights", category=research)
    ResourceFactory(title="Other", summary="About farmworker housing.", category=research)
    ResourceFactory(title="Body match", body="Mentions farmworker pay.", category=research)
    ResourceFactory(title="Unrelated", category=research)
    assert listed(client, "q=farmworker") == {"Farmworker rights", "Other", "Body match"}
    # The best match (in the title) comes first.
    response = client.get("/resources/research/?q=farmworker")
    assert response.context["resources"][0].title == "Farmworker rights"


def test_keyword_search_never_finds_unpublished_resources(client, research):
    ResourceFactory(title="Farmworker draft", category=research, status=Status.DRAFT)
    assert listed(client, "q=farmworker") == set()
    assert listed(client, "q=farmworker", "/resources/search/") == set()


def test_filters_combine(client, research):
    educators = audience("educators")
    ResourceFactory(
        title="Match",
        category=research,
        for_audiences=[educators],
        trafficking_type=TraffickingType.LABOR,
        published_on=datetime.date(2020, 5, 1),
    )
    ResourceFactory(
        title="Wrong year",
        category=research,
        for_audiences=[educators],
        trafficking_type=TraffickingType.LABOR,
        published_on=datetime.date(2019, 5, 1),
    )
    ResourceFactory(
        title="Wrong type",
        category=research,
        for_audiences=[educators],
        trafficking_type=TraffickingType.SEX,
        published_on=datetime.date(2020, 5, 1),
    )
    assert listed(client, "audience=educators&trafficking_type=labor&year=2020") == {"Match"}


def test_search_page_spans_categories_and_filters_by_category(client, research):
    ResourceFactory(title="Shelter research", category=research)
    ResourceFactory(title="Shelter training", category=category("trainings"))
    assert listed(client, "q=shelter", "/resources/search/") == {
        "Shelter research",
        "Shelter training",
    }
    assert listed(client, "q=shelter&category=trainings", "/resources/search/") == {
        "Shelter training"
    }
    category_page = client.get("/resources/research/")
    assert "category" not in category_page.context["filter"].form.fields


@pytest.mark.parametrize(
    "query",
    [
        "audience=nobody",
        "trafficking_type=organs",
        "language=xx",
        "year=abc",
        "year=1999",
        "category=not-a-category",
        "q=" + "x" * 500,
        "audience=educators&audience=employers&audience=%00",
        "q=%00%01",
    ],
)
def test_bad_filter_values_show_a_form_error_not_a_server_error(client, research, query):
    ResourceFactory(title="Still listed", category=research)
    for path in ("/resources/research/", "/resources/search/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 200, (path, query)
    response = client.get(f"/resources/search/?{query}")
    assert response.context["filter"].form.errors
    assert "Still listed" in response.content.decode()


def test_options_offered_are_those_the_category_uses(research):
    ResourceFactory(
        category=research,
        for_audiences=[audience("health-care")],
        in_languages=[language("vi")],
        published_on=datetime.date(2018, 3, 3),
    )
    ResourceFactory(
        category=research,
        status=Status.DRAFT,
        for_audiences=[audience("employers")],
        in_languages=[language("ko")],
        published_on=datetime.date(2017, 3, 3),
    )
    ResourceFactory(
        category=category("trainings"),
        for_audiences=[audience("law-enforcement")],
        published_on=datetime.date(2016, 3, 3),
    )
    filterset = ResourceFilter(
        queryset=Resource.objects.published().in_category(research), category=research
    )
    fields = filterset.form.fields
    assert [a.slug for a in fields["audience"].queryset] == ["health-care"]
    assert [lang.code for lang in fields["language"].queryset] == ["vi"]
    assert [value for value, _ in fields["year"].choices] == ["", "2018"]
