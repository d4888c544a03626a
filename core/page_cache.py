"""Whole-page caching of public GET pages.

A page is cached under its full path (the language is in the path) and a
site-wide version number. Any change a curator makes bumps the version, so a
published, archived or edited listing shows at once on every page; the time
limit only bounds how stale "open now" can be.

Only the server keeps the copy: no Cache-Control is added, so a shared
phone's browser cache holds no more than it would without this, and no
header says whether a page came from the cache (that would tell anyone
whether somebody viewed it in the last minutes). The cache must be shared by
every process (settings.CACHES): a per-process copy would keep serving a
location a curator just made confidential.
Only a valid signed-in session skips the cache: any cookie named like one
is looked up first, so a made-up cookie cannot turn the cache off.
Nothing personal is ever cached: only anonymous GET/HEAD requests, only 200
responses that set no cookie and do not vary on cookies (a page with a form
and its CSRF token does), never the admin.
"""

import functools
import hashlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import Model, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import get_conditional_response
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language

VERSION_KEY = "public-pages:version"
EXCLUDED_PREFIXES = ("/admin/", "/healthz", "/readyz", "/static/", "/media/")


def current_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_version() -> None:
    """Invalidate every cached page (cheap: old entries just expire)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, 2, timeout=None)


T = TypeVar("T")

# What until_change() keeps outlives cached pages: it only changes through a watched model.
ROWS_SECONDS = 3600
# The site's own code and templates, whose digest files what until_change() keeps.
CODE_FOLDERS = ("cas_directory", "core", "organizations", "resources", "templates")
CODE_SUFFIXES = (".py", ".html", ".txt")


@functools.cache
def code_release() -> str:
    """A digest of the running code and templates: the same in every process of
    one release.

    What until_change() keeps is filed under it as well as under the version:
    model instances with what a view attached to them, rendered fragments.
    During a deploy, a container still running the old code after the
    release's migrate must not hand the new code an object of another shape
    (an organization without an attribute its page reads is a 500), nor the
    other way round.
    """
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in CODE_FOLDERS:
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in CODE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _kept_key(version: int, name: str) -> str:
    return f"public-pages:{version}:{code_release()}:{name}"


def until_change(name: str, compute: Callable[[], T]) -> T:
    """`compute()`, cached under `name` beside the pages until the next change
    empties the page cache (the version is in the key)."""
    key = _kept_key(current_version(), name)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, ROWS_SECONDS)
    return value


def many_until_change(
    compute: Mapping[str, Callable[[], T]],
    prepare: Callable[[list[str]], None] | None = None,
) -> dict[str, T]:
    """`until_change()` for several names at once: one read for them all, one
    write for those missing (a page's 20 result cards, not 40 round trips).

    `prepare(names)` runs once before the missing ones are computed, to load
    what only they need in one go.
    """
    version = current_version()
    keys = {name: _kept_key(version, name) for name in compute}
    found = cache.get_many(list(keys.values()))
    values: dict[str, T] = {name: found[key] for name, key in keys.items() if key in found}
    names = [name for name in compute if name not in values]
    if not names:
        return values
    if prepare is not None:
        prepare(names)
    missing = {}
    for name in names:
        values[name] = missing[keys[name]] = compute[name]()
    cache.set_many(missing, ROWS_SECONDS)
    return values


def rows_until_change(queryset: QuerySet) -> list:
    """The rows of a small, watched reference table (`queryset` is its `.all()`),
    cached until the next change.

    Every search form lists the counties, service types, populations and
    languages: four queries a page for rows that change a few times a year.
    """
    return until_change(f"rows:{queryset.model._meta.label_lower}", lambda: list(queryset))


def count_until_change(queryset: QuerySet) -> int:
    """`queryset.count()`, cached until the next change.

    A count reads every row it counts: the sitemap's and the HSDS API's totals
    took 5 ms at 10,000 listings and 50 ms at 100,000, for a number only a
    change to the data can move. Kept under the query's own SQL, parameters
    included.
    """
    try:
        statement = repr((queryset.db, queryset.query.sql_with_params()))
    except EmptyResultSet:
        # A filter that can match nothing (an empty list of ids): no query to run.
        return 0
    name = f"count:{hashlib.sha256(statement.encode()).hexdigest()}"
    return until_change(name, queryset.count)


def many_rows_until_change(querysets: Sequence[QuerySet]) -> list[list]:
    """`rows_until_change()` for several tables, in one cache read."""
    names = [f"rows:{queryset.model._meta.label_lower}" for queryset in querysets]
    rows: dict[str, list] = many_until_change(
        {
            name: functools.partial(list, queryset)
            for name, queryset in zip(names, querysets, strict=True)
        }
    )
    return [rows[name] for name in names]


def _on_change(sender, **kwargs) -> None:
    bump_version()


def watch(*models: type[Model]) -> None:
    """Empty the cache whenever a row of `models` (or of their many-to-many links) changes.

    Each app names the models its public pages show, in its `ready()`. Models
    left out (visitors' suggestions, history rows, sessions) never empty it,
    so nobody outside can empty it at will.
    """
    for model in models:
        links = [
            through
            for field in model._meta.local_many_to_many
            # None only until the app registry is ready, and apps call watch() in ready().
            if (through := field.remote_field.through) is not None
        ]
        for sender in (model, *links):
            uid = f"page-cache:{sender._meta.label_lower}"
            post_save.connect(_on_change, sender=sender, dispatch_uid=f"{uid}:save")
            post_delete.connect(_on_change, sender=sender, dispatch_uid=f"{uid}:delete")
            m2m_changed.connect(_on_change, sender=sender, dispatch_uid=f"{uid}:m2m")


def _signed_in(request) -> bool:
    # request.user reads the session, which then adds "Vary: Cookie": only
    # when a session cookie came, so that anonymous pages stay cacheable.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def _public_get(request, excluded: tuple[str, ...]) -> bool:
    return request.method in ("GET", "HEAD") and not request.path.startswith(excluded)


def _cacheable_request(request) -> bool:
    return _public_get(request, EXCLUDED_PREFIXES) and not _signed_in(request)


def _cacheable_response(response) -> bool:
    vary = response.get("Vary", "").lower()
    control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "cookie" not in vary
        and "private" not in control
        and "no-store" not in control
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not seconds or not _cacheable_request(request):
            # A write that sends no signal (QuerySet.update(), raw SQL in a
            # data tool) still changes pages: any successful write by a
            # signed-in curator counts as a change. Asked before the view
            # runs, since logging out ends the session.
            user = getattr(request, "user", None)
            curator_write = (
                request.method not in ("GET", "HEAD", "OPTIONS")
                and user is not None
                and user.is_authenticated
            )
            response = self.get_response(request)
            if curator_write and response.status_code < 400:
                bump_version()
            return response
        # The language is in a page's path, but not in an API's (Accept-Language).
        key = f"public-pages:{current_version()}:{get_language()}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if _cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, seconds)
        return response


# Asked for in the Accept-Language header, not the path: left to the inner cache.
FINISHED_EXCLUDED_PREFIXES = (*EXCLUDED_PREFIXES, "/api/")


class FinishedPageCacheMiddleware:
    """Serves a repeat anonymous visit the page as last sent: compressed, with its
    headers and ETag, before the rest of the middleware runs.

    `PublicPageCacheMiddleware` keeps the page as the view made it; every hit
    there still went through compression, the ETag's hash, the CSP and
    permission headers, the session, language, CSRF and authentication
    middleware, which made a cached page a third of a static file's speed.
    This copy sits right after WhiteNoise, as static files do. Only requests
    without a session cookie come here: checking a session needs its
    middleware, so those (and a made-up cookie) go on to the inner cache. The
    compressed body is one per cached copy, its random padding included:
    BREACH needs a secret in the body, and a page with one (a form's CSRF
    token) is never cached.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            not settings.PUBLIC_PAGE_CACHE_SECONDS
            or not _public_get(request, FINISHED_EXCLUDED_PREFIXES)
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return self.get_response(request)
        encoding = (
            "gzip" if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")) else ""
        )
        # The version is stored with the page, not in its key, so that one round
        # trip to the cache reads both: each costs as much as the rest of a hit.
        key = f"public-pages:finished:{encoding}:{request.get_full_path()}"
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY)
        stored = found.get(key)
        if version is None or stored is None or stored[0] != version:
            # Read before the page is made: a change meanwhile leaves this copy stale.
            version = version or current_version()
            response = self.get_response(request)
            if _cacheable_response(response):
                cache.set(
                    key,
                    (version, response.status_code, list(response.items()), response.content),
                    settings.PUBLIC_PAGE_CACHE_SECONDS,
                )
            return response
        _version, status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
