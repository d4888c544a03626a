"""A confidential location (a shelter, a safe house) never shows where it is.

Its street, street with ZIP and coordinates must appear in no public response:
no page, JSON-LD, sitemap, search result, print view or API answer. The test
requests every public URL, every URL pattern it can fill in from the data
(so pages and API endpoints added later are covered without being listed
here), the links on the organization's own pages and the sitemap entries, in
English and Spanish, and searches every response for the address.
"""

import json
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from itertools import product
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import translation

from organizations.models import Location, Phone, Schedule
from tests.factories import (
    LocationFactory,
    OrganizationFactory,
    ServiceFactory,
    county,
    county_url,
    service_type,
)
from tests.public_urls import public_urls
from tests.sitemaps import sitemap_pages

pytestmark = pytest.mark.django_db

STREET = "4417 Quillwort Lane"
UNIT = "Unit Zephyr 12"
ZIP = "95817"
LATITUDE = Decimal("38.563719")
LONGITUDE = Decimal("-121.437291")
PUBLIC_STREET = "900 Marigold Avenue"  # the control: an address that must show
# Pages every run must reach with a 200, so the walk cannot silently cover less.
MUST_REACH = {
    "organizations:home",
    "organizations:county",
    "organizations:detail",
    "organizations:search",
    "organizations:suggest",
    "safety",
    "privacy",
    "sitemap",
    "robots_txt",
}
NOT_PUBLIC = {"admin"}


def coordinate_forms(value: Decimal) -> set[str]:
    """A coordinate as pages, JSON and maps might print it, rounded or cut short."""
    forms = {str(value), str(value).lstrip("-"), repr(float(value)).lstrip("-")}
    for places in (5, 4, 3):
        exponent = Decimal(1).scaleb(-places)
        for rounding in (ROUND_HALF_UP, ROUND_DOWN):
            forms.add(str(abs(value).quantize(exponent, rounding=rounding)))
    return forms


def secrets() -> list[str]:
    latitudes, longitudes = coordinate_forms(LATITUDE), coordinate_forms(LONGITUDE)
    pairs = {f"{a},{b}" for a, b in product(latitudes, longitudes)}
    pairs |= {f"{a}, {b}" for a, b in product(latitudes, longitudes)}
    return [
        "Quillwort",
        "quillwort",
        "Zephyr 12",
        f"{STREET}, Sacramento, CA {ZIP}",
        *sorted(latitudes | longitudes | pairs),
    ]


@pytest.fixture
def shelter():
    """An organization whose only location is a confidential shelter, fully described."""
    organization = OrganizationFactory(
        name="Hidden Harbor Safe House",
        slug="hidden-harbor-safe-house",
        description="Emergency shelter for survivors of trafficking.",
    )
    service = ServiceFactory(
        organization=organization,
        name="Emergency shelter beds",
        types=[service_type("emergency-shelter")],
        counties_served=[county("sacramento")],
    )
    location = LocationFactory(
        organization=organization,
        name="Shelter",
        address_1=STREET,
        address_2=UNIT,
        city="Sacramento",
        zip_code=ZIP,
        latitude=LATITUDE,
        longitude=LONGITUDE,
        is_confidential=True,
    )
    location.services.set([service])
    Phone.objects.create(organization=organization, location=location, number="916-555-0177")
    Schedule.objects.create(location=location, weekday=1, opens_at="00:00", closes_at="00:00")
    return organization


@pytest.fixture
def control():
    """A public office, to prove that the checks see an address when one is shown."""
    organization = OrganizationFactory(name="Open Door Legal Aid", slug="open-door-legal-aid")
    service = ServiceFactory(
        organization=organization,
        types=[service_type("legal-services")],
        counties_served=[county("sacramento")],
    )
    location = LocationFactory(organization=organization, address_1=PUBLIC_STREET)
    location.services.set([service])
    return organization


def route_parameters(pattern) -> set[str]:
    if isinstance(pattern, RoutePattern):
        return set(pattern.converters)
    if isinstance(pattern, RegexPattern):
        return set(pattern.regex.groupindex)
    return set()  # LocalePrefixPattern


def named_routes(resolver=None, namespace="", parameters=frozenset()):
    """(view name, URL parameters) for every named URL pattern of the site."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        found = parameters | route_parameters(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.namespace in NOT_PUBLIC:
                continue
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            yield from named_routes(entry, inner, frozenset(found))
        elif isinstance(entry, URLPattern) and entry.name:
            yield ":".join(part for part in (namespace, entry.name) if part), found


def reverse_all(name: str, parameters: set[str], values: list[str]) -> set[str]:
    """Every URL for the route that the candidate values fill, in both languages."""
    urls = set()
    for combination in product(values, repeat=len(parameters)):
        kwargs = dict(zip(sorted(parameters), combination, strict=True))
        for language in ("en", "es"):
            with translation.override(language):
                try:
                    urls.add(reverse(name, kwargs=kwargs))
                except NoReverseMatch:
                    continue
    return urls


def ids_near(data, marker: str) -> set[str]:
    """The ids in JSON objects that mention `marker`, including those nested in them."""
    if isinstance(data, dict):
        if marker in json.dumps(data):
            return ids_in(data)
        return set().union(*(ids_near(value, marker) for value in data.values()))
    if isinstance(data, list):
        return set().union(*(ids_near(item, marker) for item in data))
    return set()


def ids_in(data) -> set[str]:
    """Values of `id` and `…_id` keys (taxonomy_id, service_id…), at any depth."""
    if isinstance(data, dict):
        own = {
            value
            for key, value in data.items()
            if (key == "id" or key.endswith("_id")) and isinstance(value, str)
        }
        return own.union(*(ids_in(value) for value in data.values()))
    if isinstance(data, list):
        return set().union(*(ids_in(item) for item in data))
    return set()


class Crawl:
    """Fetches each URL once and keeps every response."""

    def __init__(self):
        self.client = Client()
        self.responses = {}

    def get(self, url: str):
        if url not in self.responses:
            self.responses[url] = self.client.get(url)
        return self.responses[url]

    def ok(self) -> dict:
        return {url: r for url, r in self.responses.items() if r.status_code == 200}

    def json_ids(self, marker: str) -> set[str]:
        found = set()
        for response in self.ok().values():
            if response.get("Content-Type", "").startswith("application/json"):
                found |= ids_near(json.loads(response.content), marker)
        return found

    def same_origin_links(self, url: str) -> set[str]:
        body = self.get(url).content.decode()
        links = set()
        for chunk in body.split('href="')[1:]:
            address = chunk.split('"', 1)[0].replace("&amp;", "&")
            path = urlsplit(address).path
            same_origin = address.startswith("/") and not address.startswith("//")
            if same_origin and path and not path.startswith(("/admin/", "/static/")):
                links.add(address)
        return links


def test_a_confidential_location_never_shows_where_it_is(shelter, control):
    crawl = Crawl()
    organization_page = shelter.get_absolute_url()
    county_page = county_url("sacramento")
    searches = [
        f"/search/?q={query}"
        for query in ("Hidden+Harbor", "shelter", "Sacramento", "Quillwort", ZIP, "Zephyr")
    ] + [f"/search/?zip={ZIP}", f"/search/?zip={ZIP}&q=Hidden+Harbor", "/search/?county=sacramento"]
    seeds = [*public_urls(), organization_page, county_page, *searches, "/sitemap.xml"]
    for url in seeds + ["/es" + url for url in seeds if not url.startswith("/sitemap")]:
        crawl.get(url)

    # Every named route, filled in with the shelter's (and its county's) keys.
    location = Location.objects.get(organization=shelter)
    keys = [shelter.slug, "sacramento", str(shelter.uuid), str(location.uuid)]
    keys += [str(service.uuid) for service in shelter.services.all()]
    routes = dict(named_routes())
    for name, parameters in routes.items():
        if not parameters:
            for url in reverse_all(name, parameters, []):
                crawl.get(url)
    # API answers name the shelter's related records (service at location, terms,
    # vocabularies): open those too, until no new id turns up.
    for _ in range(3):
        for name, parameters in routes.items():
            for url in reverse_all(name, parameters, keys) if parameters else ():
                crawl.get(url)
        new = crawl.json_ids(str(shelter.uuid)) - set(keys)
        if not new:
            break
        keys += sorted(new)
    # Then the links on the shelter's own pages, and its sitemap entries.
    for page in (organization_page, "/es" + organization_page):
        for link in crawl.same_origin_links(page):
            crawl.get(link)
    for page in sitemap_pages(crawl.client):
        sitemap = crawl.get(page).content.decode()
        for entry in sitemap.split("<loc>")[1:]:
            address = urlsplit(entry.split("</loc>", 1)[0]).path
            if shelter.slug in address or "sacramento" in address:
                crawl.get(address)

    leaks = []
    forbidden = secrets()
    for url, response in crawl.responses.items():
        body = response.content.decode(errors="replace")
        if url.startswith(("/search/?q=Quillwort", "/es/search/?q=Quillwort")):
            # The search box repeats the words searched for; the shelter must not match them.
            assert shelter.name not in body, f"searching the street finds the shelter: {url}"
            continue
        leaks += [(url, secret) for secret in forbidden if secret in body]
    assert leaks == []

    # The walk reached what exists today, with the shelter shown on its pages.
    reached = {
        name
        for name, parameters in routes.items()
        if any(
            url in crawl.ok() for url in reverse_all(name, parameters, keys if parameters else [])
        )
    }
    api_routes = {name for name in routes if name.startswith("hsds:")}
    assert MUST_REACH | api_routes <= reached, sorted((MUST_REACH | api_routes) - reached)
    assert len(crawl.ok()) >= 60
    shelter_page = crawl.get(organization_page).content.decode()
    assert shelter.name in shelter_page
    assert "Sacramento" in shelter_page
    # A distance from a searched ZIP would let anyone triangulate the shelter.
    near_search = crawl.get(f"/search/?zip={ZIP}&q=Hidden+Harbor").content.decode()
    assert shelter.name in near_search
    assert "mile away" not in near_search
    assert "miles away" not in near_search
    # The same checks do see an address that is meant to be public.
    assert PUBLIC_STREET in crawl.get(control.get_absolute_url()).content.decode()
    api_text = "".join(
        r.content.decode() for url, r in crawl.ok().items() if url.startswith("/api/hsds/")
    )
    assert PUBLIC_STREET in api_text
