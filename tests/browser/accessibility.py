"""axe-core (bundled with axe-playwright-python, no download) on a loaded page."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_axe = Axe()


def wait_until_drawn(page) -> None:
    """Checks look at the finished page: where directory-map.js shows a map, once it has
    drawn it (the county's shape and the markers, some of them focusable) and marked it
    ready, with the markers alone if the shape failed to load. A wait on that, not on a
    quiet network."""
    expect(page.locator("[data-map]:not([hidden]):not([data-map-ready])")).to_have_count(0)


def axe_violations(page) -> list[dict]:
    """The WCAG 2.0, 2.1 and 2.2 A/AA violations on the page, as axe reports them."""
    wait_until_drawn(page)
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = _axe.run(page, options=options)
    return results.response["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return "\n".join(lines)


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"
