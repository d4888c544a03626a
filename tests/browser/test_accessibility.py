"""WCAG 2.2 AA on every public page, in English and Spanish, on desktop and phone widths.

axe-core checks what it can (contrast, names, labels, 24x24 px targets...);
the tests below add what it cannot: landmarks, reflow at 320 px (400% zoom),
a visible focus on everything reachable by keyboard, and no request to
another origin while any of it loads. Each page is loaded once per width and
every check of that width reads the same load: loading and axe's run are
what these tests spend their time on.
"""

import pytest

from organizations.sample_data import SampleDirectory
from tests.browser.accessibility import WCAG_TAGS, _axe, describe, wait_until_drawn
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
# The WCAG rules, and on phones the structural ones too, in one axe run per page
# (axe adds rules enabled by name to those its tags select).
WCAG_RUN = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
PHONE_RUN = {**WCAG_RUN, "rules": {rule: {"enabled": True} for rule in STRUCTURE_RULES}}
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
TOO_WIDE = """[...document.querySelectorAll("body *")]
  .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
  .slice(0, 3).map((el) => el.outerHTML.slice(0, 80))"""
# The two halves run on separate workers under pytest-xdist.
BY_LANGUAGE = pytest.mark.parametrize("language", ["en", "es"])


@pytest.fixture
def urls(reference_data, language):
    SampleDirectory(count=24, seed=7).build()
    urls = [url for url in public_urls() if url.startswith("/es/") == (language == "es")]
    assert urls
    return urls


def axe_run(page, options: dict) -> list[dict]:
    return _axe.run(page, options=options).response["violations"]


def unfocused_stops(page) -> list[str]:
    """Tabs through the page; the stops that show no focus indicator."""
    seen, hidden = set(), []
    for _ in range(60):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_SHOWN)
        if focus["tag"] in seen:
            break  # back at the start: every stop on the page was visited
        seen.add(focus["tag"])
        if not focus["shown"]:
            hidden.append(focus["tag"])
    return hidden


@BY_LANGUAGE
def test_every_desktop_page_passes_axe_and_shows_where_the_keyboard_focus_is(page_factory, urls):
    page = page_factory(width=1280, height=900)
    violations, hidden_focus = [], []
    for url in urls:
        page.goto(url)
        wait_until_drawn(page)
        if found := axe_run(page, WCAG_RUN):
            violations.append(f"{url} at 1280px:\n{describe(found)}")
        hidden_focus += [f"{url}: {tag}" for tag in unfocused_stops(page)]
    assert violations == [], "\n\n".join(violations)
    assert hidden_focus == [], "\n".join(hidden_focus)
    assert page.request_log.foreign() == []


@BY_LANGUAGE
def test_every_phone_page_passes_axe_is_built_from_landmarks_and_reflows_at_320_pixels(
    page_factory, urls
):
    page = page_factory(width=375, height=900)
    violations, too_wide = [], []
    for url in urls:
        page.set_viewport_size({"width": 375, "height": 900})
        page.goto(url)
        wait_until_drawn(page)
        if found := axe_run(page, PHONE_RUN):
            violations.append(f"{url} at 375px:\n{describe(found)}")
        # 320 CSS pixels is a 1280-pixel window at 400% zoom (WCAG 1.4.10).
        page.set_viewport_size({"width": 320, "height": 256})
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            too_wide.append(f"{url}: {overflow}px too wide: {page.evaluate(TOO_WIDE)}")
        assert page.locator("#quick-exit").is_visible(), url
    assert violations == [], "\n\n".join(violations)
    assert too_wide == [], "\n".join(too_wide)
    assert page.request_log.foreign() == []
