"""WCAG 2.2 AA on every public page, in English and Spanish, on desktop and phone widths.

axe-core checks what it can (contrast, names, labels, 24x24 px targets...);
the tests below add what it cannot: landmarks, reflow at 320 px (400% zoom),
a visible focus on everything reachable by keyboard, and no request to
another origin while any of it loads.
"""

import pytest

from organizations.sample_data import SampleDirectory
from tests.browser.accessibility import _axe, axe_violations, describe, wait_until_drawn
from tests.public_urls import public_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# axe's structural rules (tagged best-practice, so not in the WCAG run): every
# piece of content sits in a landmark, one main, one banner, one footer, one <h1>.
STRUCTURE_RULES = [
    "region",
    "landmark-one-main",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "landmark-unique",
    "landmark-banner-is-top-level",
    "landmark-contentinfo-is-top-level",
    "landmark-main-is-top-level",
    "page-has-heading-one",
    "skip-link",
]
# Whether the focused element shows a focus indicator (an outline or a ring).
FOCUS_SHOWN = """
(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return {tag: "body", shown: true};
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const ring = style.boxShadow !== "none";
  return {tag: element.outerHTML.slice(0, 100), shown: outline || ring};
})()
"""


@pytest.fixture
def urls(reference_data):
    SampleDirectory(count=24, seed=7).build()
    urls = public_urls()
    assert any(url.startswith("/es/") for url in urls)
    return urls


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_wcag_violation_on_any_public_page(page_factory, urls, width):
    page = page_factory(width=width, height=900)
    failures = []
    for url in urls:
        page.goto(url)
        wait_until_drawn(page)
        violations = axe_violations(page)
        if violations:
            failures.append(f"{url} at {width}px:\n{describe(violations)}")
    assert failures == [], "\n\n".join(failures)
    assert page.request_log.foreign() == []


def test_every_page_is_built_from_landmarks_with_one_main_heading(page_factory, urls):
    page = page_factory(width=375)
    options = {"runOnly": {"type": "rule", "values": STRUCTURE_RULES}}
    failures = []
    for url in urls:
        page.goto(url)
        wait_until_drawn(page)
        violations = _axe.run(page, options=options).response["violations"]
        if violations:
            failures.append(f"{url}:\n{describe(violations)}")
    assert failures == [], "\n\n".join(failures)


def test_every_page_reflows_at_320_pixels_without_sideways_scrolling(page_factory, urls):
    # 320 CSS pixels is a 1280-pixel window at 400% zoom (WCAG 1.4.10).
    page = page_factory(width=320, height=256)
    too_wide = []
    for url in urls:
        page.goto(url)
        wait_until_drawn(page)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            culprits = page.evaluate(
                """[...document.querySelectorAll("body *")]
                  .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
                  .slice(0, 3).map((el) => el.outerHTML.slice(0, 80))"""
            )
            too_wide.append(f"{url}: {overflow}px too wide: {culprits}")
        assert page.locator("#quick-exit").is_visible(), url
    assert too_wide == [], "\n".join(too_wide)


def test_everything_reached_by_keyboard_shows_where_the_focus_is(page_factory, urls):
    page = page_factory(width=1280)
    hidden_focus = []
    for url in urls:
        page.goto(url)
        wait_until_drawn(page)
        seen = set()
        for _ in range(60):
            page.keyboard.press("Tab")
            focus = page.evaluate(FOCUS_SHOWN)
            if focus["tag"] in seen:
                break  # back at the start: every stop on the page was visited
            seen.add(focus["tag"])
            if not focus["shown"]:
                hidden_focus.append(f"{url}: {focus['tag']}")
    assert hidden_focus == [], "\n".join(hidden_focus)
