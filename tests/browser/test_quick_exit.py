"""The quick-exit button (modelled on GOV.UK "Exit this page") in a real browser.

The neutral site is faked with a Playwright route, so the tests never reach the
internet but still leave the site's origin as a visitor would.
"""

import json

import pytest
from django.utils import translation
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEUTRAL_URL = "https://neutral.example/weather"
NEUTRAL_PAGE = "<!DOCTYPE html><html lang='en'><title>Weather</title><h1>Sunny</h1></html>"
STATUS = "[data-quick-exit-status]"


class NeutralSite:
    """Answers for the neutral site and remembers each request made to it.

    While held, requests wait unanswered, so the page that is leaving stays in
    the tab (a navigation replaces the document only when its answer arrives).
    """

    def __init__(self):
        self.requests = []
        self.held = None

    def attach(self, page):
        page.context.route(NEUTRAL_URL, self._answer)
        return page

    def hold(self):
        self.held = []

    def release(self):
        held, self.held = self.held, None
        for route in held:
            self._fulfill(route)

    def _answer(self, route):
        self.requests.append(route.request)
        if self.held is None:
            self._fulfill(route)
        else:
            self.held.append(route)

    def _fulfill(self, route):
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)


@pytest.fixture
def neutral_site(settings):
    settings.QUICK_EXIT_URL = NEUTRAL_URL
    return NeutralSite()


@pytest.fixture
def open_page(page_factory, neutral_site, reference_data):
    def open_(path="/", **kwargs):
        page = neutral_site.attach(page_factory(**kwargs))
        page.goto(path)
        return page

    return open_


def status_of(page) -> str:
    return page.locator(STATUS).text_content()


def assert_working(page):
    """The page is shown and usable, not blanked by an earlier exit."""
    assert page.locator("main").is_visible()
    assert page.locator(".quick-exit-overlay").count() == 0
    assert "CAS Directory" in page.title()
    assert page.get_by_role("link", name="Exit this page").is_visible()


# Runs in the page before its own scripts (init scripts are not subject to its
# CSP) and reports what is on screen at the moment the exit begins, while the
# current document is still there. It reports on the console, which the test
# can wait for (a call to an exposed function gives it nothing to wait on).
PROBE_SAYS = "quick-exit probe: "
LEAVING_PROBE = """
new MutationObserver(() => {
  if (!document.documentElement.classList.contains("quick-exit-leaving")) return;
  const visibility = (selector) => getComputedStyle(document.querySelector(selector)).visibility;
  const overlay = document.querySelector("[role=alert]");
  console.log("quick-exit probe: " + JSON.stringify({
    hidden: ["main", ".hotline-bar", ".site-header", "#quick-exit"].map(visibility),
    overlay: overlay && [overlay.textContent, getComputedStyle(overlay).visibility],
    title: document.title,
    url: location.href,
  }));
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["class"]});
"""


def test_the_button_blanks_the_page_at_once_and_leaves_without_a_referrer(open_page, neutral_site):
    page = open_page("/safety/")
    seen = []

    def probe_report(message) -> bool:
        if message.text.startswith(PROBE_SAYS):
            seen.append(json.loads(message.text.removeprefix(PROBE_SAYS)))
            return True
        return False

    page.add_init_script(LEAVING_PROBE)
    page.reload()
    # The neutral site answers only once the probe has reported: Playwright drops
    # what a page says once its document is replaced, so the page that is leaving
    # must still be in the tab (and the click must not wait for that navigation).
    neutral_site.hold()
    with page.expect_console_message(probe_report):
        page.get_by_role("link", name="Exit this page").click(no_wait_after=True)
    page.on("console", probe_report)
    neutral_site.release()
    page.wait_for_url(NEUTRAL_URL)
    assert page.locator("h1").inner_text() == "Sunny"
    # Before the neutral site arrived, nothing of the page was left visible.
    [state] = seen
    assert state["url"].endswith("/safety/")
    assert state["hidden"] == ["hidden"] * 4
    assert state["overlay"] == ["Loading…", "visible"]
    assert state["title"] == "Loading…"
    [request] = neutral_site.requests
    assert "referer" not in request.headers


def test_back_after_leaving_returns_to_the_page_before_in_working_order(open_page):
    page = open_page("/")
    page.get_by_role("link", name="Staying safe online").first.click()
    page.wait_for_url("**/safety/")
    page.get_by_role("link", name="Exit this page").click()
    page.wait_for_url(NEUTRAL_URL)
    page.go_back()
    # The exited page was replaced in the history, so Back skips it.
    page.wait_for_url(lambda url: url.endswith("/") and "/safety/" not in url)
    assert_working(page)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL_URL)


def test_without_javascript_the_button_is_a_plain_link_that_still_leaves(open_page, neutral_site):
    page = open_page("/safety/", javascript=False)
    button = page.get_by_role("link", name="Exit this page")
    assert button.get_attribute("href") == NEUTRAL_URL
    button.click()
    page.wait_for_url(NEUTRAL_URL)
    assert "referer" not in neutral_site.requests[0].headers
    page.go_back()
    page.wait_for_url("**/safety/")
    assert page.locator("h1").inner_text() == "Staying safe online"
    assert page.get_by_role("link", name="Exit this page").is_visible()


def test_pressing_shift_three_times_counts_down_aloud_and_leaves(open_page):
    page = open_page("/")
    lights_on = page.locator(".quick-exit__light.is-on")
    assert status_of(page) == ""
    page.keyboard.press("Shift")
    assert status_of(page) == "Shift, press 2 more times to exit."
    assert lights_on.count() == 1
    page.keyboard.press("Shift")
    assert status_of(page) == "Shift, press 1 more time to exit."
    assert lights_on.count() == 2
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL_URL)


def test_the_announcement_is_in_spanish_on_spanish_pages(open_page):
    page = open_page("/es/")
    page.keyboard.press("Shift")
    with translation.override("es"):
        expected = translation.gettext("Shift, press 2 more times to exit.")
        exit_label = translation.gettext("Exit this page")
    assert expected != "Shift, press 2 more times to exit.", "not translated"
    assert status_of(page) == expected
    assert page.get_by_role("link", name=exit_label).is_visible()


def test_any_other_key_starts_the_count_again(open_page, neutral_site):
    page = open_page("/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("x")
    assert status_of(page) == ""
    assert page.locator(".quick-exit__light.is-on").count() == 0
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    # Two presses since the reset: one more is needed, so the page stays.
    assert status_of(page) == "Shift, press 1 more time to exit."
    assert neutral_site.requests == []
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL_URL)


def test_shift_used_as_a_modifier_never_counts(open_page, neutral_site):
    page = open_page("/")
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.keyboard.down("Control")
    page.keyboard.press("Shift")
    page.keyboard.up("Control")
    assert status_of(page) == ""
    assert neutral_site.requests == []
    assert page.url.endswith("/")


def test_the_three_presses_must_come_within_five_seconds(open_page, neutral_site):
    page = open_page("/")
    page.clock.install()
    page.keyboard.press("Shift")
    page.clock.run_for(3000)
    page.keyboard.press("Shift")
    page.clock.run_for(2100)
    assert status_of(page) == "Exit this page expired."
    page.keyboard.press("Shift")
    assert status_of(page) == "Shift, press 2 more times to exit."
    assert neutral_site.requests == []
    # The expiry message is cleared after a while so it is not read out again later.
    page.keyboard.press("x")
    page.clock.run_for(4000)
    page.keyboard.press("Shift")
    page.clock.run_for(4900)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL_URL)


def test_the_first_tab_reaches_a_skip_link_to_the_exit_button(open_page):
    page = open_page("/")
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.inner_text() == "Skip to the exit button"
    box = focused.bounding_box()
    assert box["y"] >= 0, "the skip link must come into view when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL_URL)


# Which points of the focused element the exit button is drawn over. The
# button's container lets the pointer through, so only the button itself hits.
COVERED_POINTS = """
(() => {
  const element = document.activeElement;
  const box = element.getBoundingClientRect();
  const covered = [];
  for (const x of [box.left + 1, box.left + box.width / 2, box.right - 1]) {
    for (const y of [box.top + 1, box.top + box.height / 2, box.bottom - 1]) {
      const top = document.elementFromPoint(x, y);
      if (top && top.closest(".quick-exit") && !element.closest(".quick-exit")) {
        covered.push([x, y]);
      }
    }
  }
  return {covered, html: element.outerHTML.slice(0, 120)};
})()
"""


def test_the_button_stays_in_view_and_never_covers_the_focused_element(open_page):
    page = open_page("/", width=375, height=640)
    button = page.get_by_role("link", name="Exit this page")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.evaluate("window.scrollY") > 500
    assert 0 <= button.bounding_box()["y"] < 20
    page.evaluate("window.scrollTo(0, 0)")
    links = page.locator("a[href]").count()
    for _ in range(links):
        page.keyboard.press("Tab")
        probe = page.evaluate(COVERED_POINTS)
        assert probe["covered"] == [], f"the exit button covers the focused {probe['html']}"
    assert page.evaluate("window.scrollY") > 500, "tabbing never scrolled the page"
    # And back up again with Shift+Tab, where elements come into view at the top.
    for _ in range(links // 2):
        page.keyboard.press("Shift+Tab")
        probe = page.evaluate(COVERED_POINTS)
        assert probe["covered"] == [], f"the exit button covers the focused {probe['html']}"
    # The probe does see a covered element: focus one under the button without scrolling.
    page.evaluate(
        """(() => {
          const exit = document.getElementById("quick-exit").getBoundingClientRect();
          const under = [...document.querySelectorAll(".county-list a")].find((link) => {
            const box = link.getBoundingClientRect();
            return box.left < exit.right && box.right > exit.left;
          });
          window.scrollBy(0, under.getBoundingClientRect().top - exit.top);
          under.focus({preventScroll: true});
        })()"""
    )
    assert page.evaluate(COVERED_POINTS)["covered"] != []


@pytest.fixture
def bfcache_page(browser, live_server, neutral_site, reference_data):
    """A browser with the back-forward cache on (Playwright turns it off by default)."""
    other = browser.browser_type.launch(
        executable_path=str(CHROMIUM),
        args=CHROMIUM_ARGS,
        ignore_default_args=["--disable-back-forward-cache"],
    )
    context = other.new_context(base_url=live_server.url)
    page = neutral_site.attach(context.new_page())
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()
    other.close()


def test_a_page_restored_by_back_forgets_a_half_finished_count(bfcache_page):
    page = bfcache_page
    page.goto("/")
    page.evaluate("window.restoredFromCache = true")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert status_of(page) == "Shift, press 1 more time to exit."
    page.get_by_role("link", name="Privacy").click()
    page.wait_for_url("**/privacy/")
    # A page restored from the cache fires no load event.
    page.go_back(wait_until="commit")
    page.wait_for_url(lambda url: url.endswith("/") and "privacy" not in url, wait_until="commit")
    assert page.evaluate("window.restoredFromCache === true"), "Back did not use the bfcache"
    # The restored page resets itself on pageshow, which may come after the commit.
    expect(page.locator(STATUS)).to_have_text("")
    assert_working(page)
    assert status_of(page) == ""
    assert page.locator(".quick-exit__light.is-on").count() == 0
    page.keyboard.press("Shift")
    assert status_of(page) == "Shift, press 2 more times to exit."
