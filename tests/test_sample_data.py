"""What `load_sample_data` makes reads as a coherent directory: a service's eligibility
names exactly the groups it serves, no page lists a location twice, a resource appears
once per list, and the library's texts have Spanish versions."""

import pytest
from django.core.management import call_command

from core.models import Language
from organizations.models import Organization, Population, Service
from organizations.sample_data import ELIGIBILITY
from resources.models import Audience, Category, Resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_data():
    call_command("load_sample_data", verbosity=0)


def listed(text: str, opening: str) -> set[str]:
    """The groups an eligibility sentence ("Open to A, B, C.") names."""
    assert text.startswith(opening), text
    assert text.endswith("."), text
    assert not text.endswith(".."), text
    return {group.rstrip(".") for group in text.removeprefix(opening).split(", ")}


def test_every_population_has_its_eligibility_wording():
    assert set(Population.objects.values_list("slug", flat=True)) <= set(ELIGIBILITY)


def test_eligibility_names_exactly_the_populations_a_service_serves(sample_data):
    services = Service.objects.filter(organization__is_sample=True).prefetch_related("populations")
    assert services.count() > 50
    for service in services:
        slugs = [population.slug for population in service.populations.all()]
        assert slugs, f"{service} serves nobody"
        english = {ELIGIBILITY[slug][0].rstrip(".") for slug in slugs}
        spanish = {ELIGIBILITY[slug][1].rstrip(".") for slug in slugs}
        assert listed(service.eligibility_en, "Open to ") == english, service.eligibility_en
        assert listed(service.eligibility_es, "Para ") == spanish, service.eligibility_es


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_no_organization_page_lists_a_location_twice(client, sample_data, prefix):
    organizations = Organization.objects.published().filter(is_sample=True)
    assert organizations.filter(locations__isnull=False).count() > 10
    for slug in organizations.values_list("slug", flat=True):
        response = client.get(f"{prefix}/organizations/{slug}/")
        assert response.status_code == 200
        shown = response.context["organization"]
        locations = [
            (location.name, location.city, location.public_street)
            for location in shown.locations.all()
        ]
        assert len(locations) == len(set(locations)), (slug, locations)
        assert response.content.decode().count('<article class="location">') == len(locations)
        for service in shown.published_services:
            offered_at = [location.name for location in service.locations.all()]
            assert len(offered_at) == len(set(offered_at)), (service.pk, offered_at)


def resource_lists(client) -> dict[str, list[int]]:
    """Every list of resources the library shows, by page and list, as resource ids."""
    lists = {}
    index = client.get("/resources/").context
    lists["/resources/ featured"] = [resource.pk for resource in index["featured"]]
    lists["/resources/ latest"] = [resource.pk for resource in index["latest"]]
    pages = [category.get_absolute_url() for category in Category.objects.all()]
    pages += ["/resources/search/", "/resources/search/?q=trafficking"]
    pages += [
        f"/resources/search/?audience={pk}" for pk in Audience.objects.values_list("pk", flat=True)
    ]
    pages += [f"/resources/search/?language={language.pk}" for language in Language.objects.all()]
    for page in pages:
        lists[page] = [resource.pk for resource in client.get(page).context["resources"]]
    for resource in Resource.objects.published():
        related = client.get(resource.get_absolute_url()).context["related"]
        lists[f"{resource.get_absolute_url()} related"] = [item.pk for item in related]
    return lists


def test_a_resource_appears_once_per_list(client, sample_data):
    lists = resource_lists(client)
    assert sum(len(ids) for ids in lists.values()) > 30
    repeated = {name: ids for name, ids in lists.items() if len(ids) != len(set(ids))}
    assert repeated == {}


def test_the_library_index_shows_a_resource_once(client, sample_data):
    index = client.get("/resources/").context
    assert index["featured"]
    assert index["latest"]
    both = {r.pk for r in index["featured"]} & {r.pk for r in index["latest"]}
    assert both == set(), "the latest additions repeat featured resources"


def test_the_sample_resources_are_written_in_spanish_too(sample_data):
    resources = Resource.objects.published()
    assert resources.count() >= 10
    for resource in resources:
        assert resource.title_es, resource.slug
        assert resource.summary_es, resource.slug
        if resource.body_en:
            assert resource.body_es, f"{resource.slug} has no Spanish body"
            assert resource.body_es != resource.body_en
