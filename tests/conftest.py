import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections
from django.utils import translation
from hypothesis import settings as hypothesis_settings

from tests.prerequisites import in_ci
from tests.reference import ensure_reference_data, load_reference_data

# Property tests run a quick profile by default; CI runs more examples, always the
# same ones (a red build must be reproducible); HYPOTHESIS_PROFILE=nightly runs
# 1,000 fresh ones per property (README, "Testing").
hypothesis_settings.register_profile("quick", max_examples=60)
hypothesis_settings.register_profile("ci", max_examples=150, derandomize=True, print_blob=True)
hypothesis_settings.register_profile("nightly", max_examples=1000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if in_ci() else "quick"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The reference data, loaded once.

    Afterwards (before pytest-django drops the test databases) the site's statement
    timeout is lifted for the dropping connection: DROP DATABASE forces a checkpoint of
    everything the tests wrote, which on a loaded machine outlasts the 10 s every site
    connection has, and the worker's test database would be left behind."""
    with django_db_blocker.unblock():
        load_reference_data()
    yield
    for alias in connections:
        options = connections[alias].settings_dict.get("OPTIONS", {})
        if "options" in options:
            options["options"] += " -c statement_timeout=0"


@pytest.fixture
def reference_data(db):
    """Reload the reference data where a transactional (browser) test flushed it."""
    ensure_reference_data()


@pytest.fixture(autouse=True)
def _default_language():
    """A request to an /es/ page leaves Spanish active in the thread; reverse() in
    the next test would then build /es/ addresses."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Tests look at each view's own answer (its context, its queries);
    tests/test_page_cache.py turns the whole-page cache on to test it."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def pytest_collection_modifyitems(config, items):
    # Browser tests use live_server, whose transactional tests flush the
    # database afterwards; running them last keeps the session's reference
    # data for everything else.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
    if connection.vendor != "postgresql":
        skip = pytest.mark.skip(
            reason="needs PostgreSQL: set DATABASE_URL=postgres://... (see README)"
        )
        for item in items:
            if item.get_closest_marker("postgres"):
                item.add_marker(skip)
