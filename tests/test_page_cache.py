"""Whole-page cache: served again without queries, fresh after any curator change."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core import page_cache
from core.models import County, Language
from core.publishing import Status
from organizations.models import Organization, Suggestion
from organizations.sample_data import SampleDirectory
from tests.factories import OrganizationFactory, ServiceFactory, county

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def listing():
    return ServiceFactory(counties_served=[county("fresno")], name="Harbor legal clinic")


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_a_second_visit_is_served_from_the_cache_without_queries(client, listing):
    url = listing.organization.get_absolute_url()
    first, first_queries = get(client, url)
    second, second_queries = get(client, url)
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content


def test_the_cache_key_keeps_languages_and_query_strings_apart(client, listing):
    english, _ = get(client, "/counties/fresno/")
    spanish, spanish_queries = get(client, "/es/counties/fresno/")
    _, filtered_queries = get(client, "/counties/fresno/?free=1")
    assert spanish_queries > 0
    assert filtered_queries > 0
    assert english.content != spanish.content


def test_saving_a_listing_shows_at_once(client, listing):
    url = "/counties/fresno/"
    assert listing.organization.name in get(client, url)[0].content.decode()
    listing.organization.status = Status.ARCHIVED
    listing.organization.save()
    response, queries = get(client, url)
    assert queries > 0
    assert listing.organization.name not in response.content.decode()


def test_an_admin_bulk_action_refreshes_public_pages(client, listing):
    draft = OrganizationFactory(status=Status.DRAFT, name="Quail Path Family Center")
    ServiceFactory(organization=draft, counties_served=[county("fresno")])
    assert draft.name not in get(client, "/counties/fresno/")[0].content.decode()
    editor = User.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    curator_client = type(client)()
    curator_client.force_login(editor)
    response = curator_client.post(
        reverse("admin:organizations_organization_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    assert Organization.objects.get(pk=draft.pk).status == Status.PUBLISHED
    assert draft.name in get(client, "/counties/fresno/")[0].content.decode()


def test_a_write_without_signals_by_a_curator_still_invalidates(client, listing, admin_client):
    get(client, "/counties/fresno/")
    Organization.objects.filter(pk=listing.organization.pk).update(name="Renamed quietly")
    admin_client.post(reverse("admin:logout"))
    response, _ = get(client, "/counties/fresno/")
    assert "Renamed quietly" in response.content.decode()


def test_bulk_sample_data_invalidates(client):
    get(client, "/counties/alpine/")
    SampleDirectory(count=60, seed=4).build()
    _, queries = get(client, "/counties/alpine/")
    assert queries > 0


def test_signed_in_visitors_and_forms_are_never_cached(client, listing, admin_client):
    url = listing.organization.get_absolute_url()
    get(client, url)
    assert get(admin_client, url)[1] > 0
    suggest = reverse("organizations:suggest", args=[listing.organization.slug])
    get(client, suggest)
    _, queries = get(client, suggest)
    assert queries > 0


def test_visitor_suggestions_do_not_empty_the_cache(client, listing):
    before = page_cache.current_version()
    Suggestion.objects.create(organization=listing.organization, message="Phone is wrong")
    assert page_cache.current_version() == before


def test_errors_and_the_admin_are_not_cached(client):
    client.get("/counties/atlantis/")
    client.get("/admin/login/")
    # Only the version number is stored, and the counties the unknown one was
    # looked for in: no page.
    counties = page_cache._kept_key(page_cache.current_version(), "rows:core.county")
    assert sorted(cache._cache) == sorted(
        [cache.make_key(page_cache.VERSION_KEY), cache.make_key(counties)]
    )


def test_no_header_tells_whether_a_page_came_from_the_cache(client, listing):
    url = listing.organization.get_absolute_url()
    first, _ = get(client, url)
    second, queries = get(client, url)
    assert queries == 0
    assert {name.lower() for name, _ in first.items()} == {
        name.lower() for name, _ in second.items()
    }
    assert not any("cache" in name.lower() for name, _ in second.items())


def test_a_made_up_session_cookie_is_still_served_from_the_cache(client, listing):
    url = listing.organization.get_absolute_url()
    get(client, url)
    client.cookies["sessionid"] = "garbage-that-is-no-session"
    response, queries = get(client, url)
    assert response.status_code == 200
    # One query: the session lookup that finds nothing; the page itself is cached.
    assert queries == 1


def test_cache_keys_hold_no_part_of_the_address(client, listing):
    url = "/search/?q=" + "shelter+" * 40 + "&zip=93721"
    get(client, url)
    keys = list(cache._cache)
    assert keys
    assert not any("shelter" in key or "93721" in key for key in keys)


def test_a_repeat_visit_gets_the_finished_page_before_the_rest_of_the_stack(client, listing):
    url = listing.organization.get_absolute_url()
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert len(queries) == 0
    assert first["Content-Encoding"] == second["Content-Encoding"] == "gzip"
    # The same compressed bytes, not compressed again (its random padding would differ).
    assert second.content == first.content
    assert dict(second.items()) == dict(first.items())
    repeat = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert repeat.status_code == 304
    assert repeat.content == b""


def test_the_finished_copy_keeps_encodings_apart(client, listing):
    url = listing.organization.get_absolute_url()
    client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get(url)
    assert not plain.has_header("Content-Encoding")
    assert listing.organization.name in plain.content.decode()


def test_the_api_keeps_the_language_asked_for_on_a_repeat_visit(client, listing):
    url = "/api/hsds/organizations/"
    spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es")
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert spanish["Content-Language"] == "es"
    assert english["Content-Language"] == "en"


def test_several_tables_rows_are_kept_together_until_a_change():
    tables = [County.objects.all(), Language.objects.all()]
    counties, languages = page_cache.many_rows_until_change(tables)
    with CaptureQueriesContext(connection) as queries:
        again = page_cache.many_rows_until_change(tables)
    assert len(queries) == 0
    assert again == [counties, languages]
    assert again[0] == page_cache.rows_until_change(County.objects.all())
    spanish = next(language for language in languages if language.code == "es")
    spanish.name = "Castilian"
    spanish.save()
    changed = page_cache.many_rows_until_change(tables)[1]
    assert "Castilian" in [language.name for language in changed]


def test_kept_values_are_filed_under_the_running_code(monkeypatch):
    # A container of another release, sharing the Redis during a deploy, keeps its own.
    computed = []

    def compute():
        computed.append(1)
        return "kept"

    assert page_cache.until_change("shape", compute) == "kept"
    assert page_cache.until_change("shape", compute) == "kept"
    assert len(computed) == 1
    monkeypatch.setattr(page_cache, "code_release", lambda: "another release")
    assert page_cache.until_change("shape", compute) == "kept"
    assert len(computed) == 2


def test_the_code_release_is_a_digest_of_the_code_and_templates():
    release = page_cache.code_release()
    page_cache.code_release.cache_clear()
    assert page_cache.code_release() == release
    assert len(release) == 16
