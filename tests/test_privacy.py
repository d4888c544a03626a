"""Privacy on every public page: nothing that could give a visitor away.

No cookies where there is no form, nothing loaded from another origin, no
referrer, no inline code the CSP would have to allow, nothing personal in a
URL, and no IP address or search words in the server's logs.
"""

import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from organizations.models import Organization
from organizations.sample_data import SampleDirectory
from tests.public_urls import public_urls
from tests.rendered import render_once

BASE_DIR = Path(settings.BASE_DIR)
VISITOR_IP = "203.0.113.77"  # TEST-NET-3: never a real visitor
# Attributes that make the browser fetch something while the page loads.
LOADING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "form": ("action",),
}
# <link> relations that name a page rather than fetch anything.
NON_LOADING_LINKS = {"alternate", "canonical", "next", "prev", "license", "author"}
PERSONAL_FIELD_TYPES = {"email", "tel", "password"}


class Page(HTMLParser):
    """What a page asks the browser to load, run and send."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.inline_code: list[str] = []
        self.referrer_policies: list[str] = []
        self.forms: list[dict] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.inline_code.append(f"<{tag} {name}=…>")
            if value and value.strip().lower().startswith("javascript:"):
                self.inline_code.append(f"<{tag} {name}={value[:40]}>")
        for name in LOADING_ATTRIBUTES.get(tag, ()):
            if attributes.get(name):
                self.loads += [part.split()[0] for part in attributes[name].split(",")]
        if tag == "link" and not set((attributes.get("rel") or "").split()) & NON_LOADING_LINKS:
            self.loads.append(attributes.get("href") or "")
        if tag == "meta" and attributes.get("name") == "referrer":
            self.referrer_policies.append(attributes.get("content"))
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.inline_code.append("<meta http-equiv=refresh>")
        if tag == "style":
            self.inline_code.append("<style>")
        if tag == "script":
            self._in_script = attributes
        if tag == "form":
            method = (attributes.get("method") or "get").lower()
            self.forms.append({"method": method, "fields": []})
        if tag in ("input", "textarea", "select") and self.forms:
            kind = "textarea" if tag == "textarea" else (attributes.get("type") or "text")
            self.forms[-1]["fields"].append((kind.lower(), attributes.get("name") or ""))

    def handle_data(self, data):
        script = self._in_script
        # JSON (json_script, JSON-LD) is data for scripts and search engines, not code.
        if (
            script is not None
            and not script.get("src")
            and data.strip()
            and script.get("type") not in ("application/json", "application/ld+json")
        ):
            self.inline_code.append(f"<script>{data.strip()[:60]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    @property
    def has_post_form(self) -> bool:
        return any(form["method"] == "post" for form in self.forms)


def parse(response) -> Page:
    page = Page()
    page.feed(response.content.decode())
    return page


NOT_FOUND = "/no/such/page/"


def every_public_page() -> list[str]:
    """Every public page, plus the pages with the correction form."""
    SampleDirectory(count=12, seed=7).build()
    urls = public_urls()
    organization = Organization.objects.published().order_by("pk").first()
    suggest = reverse("organizations:suggest", args=[organization.slug])
    return list(dict.fromkeys([*urls, suggest, "/es" + suggest]))


def fresh_get(url):
    """A first visit: a new browser with no cookies."""
    return Client(REMOTE_ADDR=VISITOR_IP).get(url)


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """Each page's answer to a first visit, rendered once for the module's tests."""
    return render_once(django_db_blocker, lambda: [*every_public_page(), NOT_FOUND], fresh_get)


@pytest.fixture(scope="module")
def urls(pages):
    return [url for url in pages if url != NOT_FOUND]


def test_pages_without_a_form_set_no_cookie_and_a_form_only_a_session_csrf_cookie(urls, pages):
    with_forms = 0
    for url in [*urls, NOT_FOUND]:
        response = pages[url]
        assert response.status_code in (200, 404), url
        if not parse(response).has_post_form:
            assert dict(response.cookies) == {}, f"{url} sets {list(response.cookies)}"
            continue
        with_forms += 1
        assert set(response.cookies) <= {settings.CSRF_COOKIE_NAME}, url
        for cookie in response.cookies.values():
            # Gone when the browser closes; never sent to other sites.
            assert cookie["expires"] == "", url
            assert cookie["max-age"] == "", url
            assert cookie["samesite"] == "Lax", url
    assert with_forms >= 2, "the correction form pages were not checked"
    assert len(urls) - with_forms >= 10


def test_every_page_tells_browsers_to_send_no_referrer(urls, pages):
    for url in urls:
        response = pages[url]
        assert response.headers["Referrer-Policy"] == "no-referrer", url
        page = parse(response)
        assert page.referrer_policies, f"{url} has no <meta name=referrer>"
        # The last one wins. A page with a form may allow same-origin (Chromium
        # refuses CSRF-protected posts under no-referrer); other sites still see nothing.
        allowed = {"no-referrer", "same-origin"} if page.has_post_form else {"no-referrer"}
        assert page.referrer_policies[-1] in allowed, url


def test_nothing_on_a_page_loads_from_another_origin(urls, pages):
    for url in urls:
        response = pages[url]
        page = parse(response)
        assert page.loads, url
        foreign = [
            address
            for address in page.loads
            if urlsplit(address).netloc not in ("", "testserver")
            or urlsplit(address).scheme not in ("", "http", "https", "data")
        ]
        assert foreign == [], f"{url} loads {foreign}"


def test_stylesheets_import_nothing_from_other_origins():
    for stylesheet in (BASE_DIR / "static").rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        assert "@import" not in text, stylesheet
        compact = text.replace(" ", "").replace("'", "").replace('"', "")
        assert "url(http" not in compact, stylesheet


def test_pages_run_no_inline_code_so_the_csp_needs_no_exceptions(urls, pages):
    for url in urls:
        response = pages[url]
        assert parse(response).inline_code == [], url
        policy = response.headers["Content-Security-Policy"]
        directives = {
            part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()
        }
        for directive in ("default-src", "script-src", "style-src", "font-src", "connect-src"):
            assert directives[directive] == ["'self'"], (url, directive, directives[directive])


def test_forms_that_put_answers_in_the_address_ask_for_nothing_personal(urls, pages):
    """GET forms put their fields in the URL, which browser history and logs keep."""
    for url in urls:
        for form in parse(pages[url]).forms:
            if form["method"] == "post":
                continue
            personal = [
                field
                for field in form["fields"]
                if field[0] in PERSONAL_FIELD_TYPES | {"textarea"}
                or field[1] in ("name", "email", "phone", "contact", "message")
            ]
            assert personal == [], f"{url} sends {personal} in the URL"


def test_django_logs_no_visitor_address(caplog, db, settings):
    settings.DEBUG = False
    client = Client(REMOTE_ADDR=VISITOR_IP, HTTP_X_FORWARDED_FOR=VISITOR_IP)
    with caplog.at_level(logging.DEBUG):
        assert client.get("/no/such/page/?q=secret").status_code == 404
        assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    logged = "\n".join(caplog.messages)
    assert "Not Found" in logged
    assert "Invalid HTTP_HOST" in logged
    assert VISITOR_IP not in logged


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_gunicorn_access_log_keeps_neither_address_nor_search_words(tmp_path):
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SECRET_KEY": "test-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL": "0",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
    }
    # The project's own gunicorn settings, run as production runs them.
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "cas_directory.wsgi"],
        cwd=BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/healthz?q=Quillwort+shelter",
            headers={"X-Forwarded-For": VISITOR_IP, "Referer": "https://referrer.example/"},
        )
        for _ in range(100):
            try:
                with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
                    assert response.status == 200
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not start")
    finally:
        server.terminate()
        access_log, _ = server.communicate(timeout=20)
    assert '"GET /healthz HTTP/1.1" 200' in access_log
    for secret in ("127.0.0.1", VISITOR_IP, "Quillwort", "referrer.example", "Python-urllib"):
        assert secret not in access_log
