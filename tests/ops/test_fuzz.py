"""Generated requests against every URL pattern: no 500, no traceback, no link
to another origin in any answer.

Paths (with `//`, brackets, percent escapes that are not UTF-8, another
host), huge query strings and headers, bad multipart bodies and every
method. FUZZ_REQUESTS sets the count: 300 by default so that a local run
stays fast; .ci/run sets 5000 for the PostgreSQL run.
"""

import os
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "300"))
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]
EVIL = "evil.example"
LINK = re.compile(rb'(?:href|src|action|content)="([^"]*)"')
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def routes(patterns=None, prefix: str = "") -> list[str]:
    """Every URL pattern as a route, `<slug:slug>` placeholders kept."""
    found: list[str] = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = str(entry.pattern).lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            found += routes(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            found.append(prefix + route)
    return sorted(set(found))


ROUTES = routes()
segment = st.one_of(
    st.sampled_from(["fresno", "los-angeles", "1", "0", "-1", "x" * 300, "%ff", "%00", "[", "]"]),
    st.text(st.characters(codec="latin-1", exclude_characters="/?#"), max_size=30),
)
junk = st.text(st.characters(codec="latin-1"), max_size=40)


@st.composite
def paths(draw) -> str:
    route = draw(st.sampled_from(ROUTES))
    path = "/" + CONVERTER.sub(lambda _: draw(segment), route)
    if draw(st.booleans()):
        path = "/es" + path
    shape = draw(st.sampled_from(["plain", "double", "evil", "bracket", "tail"]))
    if shape == "double":
        path = "/" + path
    elif shape == "evil":
        path = f"//{EVIL}" + path
    elif shape == "bracket":
        path = "//[" + path
    elif shape == "tail":
        path = path + draw(segment)
    return path


@st.composite
def queries(draw) -> str:
    pairs = draw(st.lists(st.tuples(junk, junk), max_size=5))
    query = "&".join(f"{key}={value}" for key, value in pairs)
    if draw(st.integers(0, 9)) == 0:
        query += "&filler=" + "a" * 20000
    if draw(st.integers(0, 49)) == 0:
        query += "&q=" + "shelter+" * 500
    if draw(st.booleans()):
        query += draw(st.sampled_from(["&zip=%ff", "&page=99999999999", "&county=%00", "&q=%"]))
    return query


@st.composite
def bodies(draw) -> tuple[bytes, str]:
    kind = draw(st.sampled_from(["none", "form", "multipart", "bad-multipart", "bytes"]))
    if kind == "none":
        return b"", ""
    if kind == "form":
        return draw(junk).encode("latin-1"), "application/x-www-form-urlencoded"
    if kind == "multipart":
        body = b'--b\r\nContent-Disposition: form-data; name="q"\r\n\r\nlegal\r\n--b--\r\n'
        return body, "multipart/form-data; boundary=b"
    if kind == "bad-multipart":
        return draw(st.binary(max_size=200)), draw(
            st.one_of(
                st.sampled_from(["multipart/form-data", "multipart/form-data; boundary="]), junk
            )
        )
    return draw(st.binary(max_size=500)), draw(junk)


@st.composite
def headers(draw) -> dict[str, str]:
    chosen = {}
    if draw(st.booleans()):
        chosen["HTTP_ACCEPT_LANGUAGE"] = draw(
            st.one_of(st.sampled_from(["es", "zz", "*;q=x"]), junk)
        )
    if draw(st.booleans()):
        chosen["HTTP_COOKIE"] = draw(
            st.one_of(st.sampled_from(["sessionid=garbage", "csrftoken=x"]), junk)
        )
    if draw(st.integers(0, 5)) == 0:
        chosen["HTTP_X_HUGE"] = "h" * 8000
    if draw(st.booleans()):
        chosen["HTTP_X_FORWARDED_FOR"] = draw(st.sampled_from(["1.2.3.4, ::1", "junk", ""]))
    return chosen


@pytest.fixture(scope="module")
def client():
    # Errors come back as the answer a visitor gets, not as a raised exception.
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@settings(
    max_examples=REQUESTS,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)
@given(
    method=st.sampled_from(METHODS),
    path=paths(),
    query=queries(),
    body=bodies(),
    extra=headers(),
)
def test_generated_requests_never_break_the_site(client, method, path, query, body, extra):
    payload, content_type = body
    environ = {
        # Raw, as a server hands them over: the test client would re-parse a URL.
        "PATH_INFO": path,
        "QUERY_STRING": query.encode("latin-1", "replace").decode("latin-1"),
        **extra,
    }
    response = client.generic(method, "/", payload, content_type or "text/plain", **environ)
    assert response.status_code < 500, (method, path, query[:200], response.status_code)
    content = b"" if response.streaming else response.content
    assert b"Traceback" not in content
    for link in LINK.findall(content):
        # A relative "/evil.example/x" is this site; "//evil.example" or
        # "https://evil.example" would lead away.
        assert not link.startswith(b"//"), (path, link)
        assert urlsplit(link.decode("utf-8", "replace")).hostname != EVIL, (path, link)
