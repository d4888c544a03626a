"""Pages rendered once per test module, for modules whose tests each inspect every page.

Rendering every public page takes a while; tests that only read the answers
share one rendering. The data is built inside a transaction that is rolled back,
so the session's database is left as it was.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from tests.reference import ensure_reference_data


def render_once(
    django_db_blocker, build: Callable[[], Iterable[str]], get: Callable, **overrides
) -> dict:
    """Each URL that `build()` returns (after creating its data), with `get(url)`'s answer.

    The whole-page cache is off, as for every test (tests/conftest.py).
    """
    with (
        django_db_blocker.unblock(),
        override_settings(PUBLIC_PAGE_CACHE_SECONDS=0, **overrides),
        transaction.atomic(),
    ):
        cache.clear()
        try:
            # A transactional test earlier on this worker may have flushed it.
            ensure_reference_data()
            return {url: get(url) for url in build()}
        finally:
            transaction.set_rollback(True)
            cache.clear()
            translation.activate(settings.LANGUAGE_CODE)
