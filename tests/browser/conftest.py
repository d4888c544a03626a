"""Playwright driving Debian's Chromium (no browser download) against live_server."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.prerequisites import missing

# How long any wait (an action, a navigation, an expect) may take before the test
# fails. Generous: on a loaded 2-core machine a page can take seconds to render,
# and a wait on a condition returns as soon as it holds, so passing runs are no slower.
TIMEOUT_MS = 30_000
expect.set_options(timeout=TIMEOUT_MS)

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# live_server runs in a thread while Playwright's sync API runs an event loop
# in this one; Django must let ORM calls through from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class RequestLog:
    """Every URL the page asked for, to prove nothing left the site's origin."""

    def __init__(self, origin: str):
        self.origin = origin
        self.urls: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    def foreign(self) -> list[str]:
        allowed = urlsplit(self.origin).netloc
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in ("data", "blob", "about")
            and urlsplit(url).netloc != allowed
        ]


@pytest.fixture
def page_factory(browser, live_server):
    """Open pages at a given width (and with or without JavaScript)."""
    contexts = []

    def make(width: int = 1280, height: int = 900, javascript: bool = True):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            java_script_enabled=javascript,
            base_url=live_server.url,
        )
        contexts.append(context)
        page = context.new_page()
        page.request_log = RequestLog(live_server.url)
        page.on("request", page.request_log.record)
        page.set_default_timeout(TIMEOUT_MS)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(page_factory):
    return page_factory()
