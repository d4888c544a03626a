"""The pages in the display modes visitors set for themselves: forced colours
(Windows High Contrast), WCAG 1.4.12 text spacing on a 320 px screen, and print.
Measured in Chromium from the layout the visitor gets."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import formats, translation

from organizations.models import Organization
from organizations.sample_data import SampleDirectory
from tests.browser.accessibility import wait_until_drawn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RESULTS = "/search/?county=fresno&service_type=legal-services&population=adults"

# What a visitor presses: forced colours drop backgrounds and shadows, so each of
# these needs a border on every side or an outline to be seen as something to press.
PRESSABLE = (
    "button, input[type=submit], input[type=button], input[type=reset], summary, "
    "[role=button], a.button, #quick-exit"
)
WITHOUT_AN_EDGE = """(selector) => {
  const edged = (style) => ["top", "right", "bottom", "left"].every((side) =>
    !["none", "hidden"].includes(style.getPropertyValue(`border-${side}-style`))
    && parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0
    && style.getPropertyValue(`border-${side}-color`) !== "rgba(0, 0, 0, 0)");
  const outlined = (style) => style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  return [...document.querySelectorAll(selector)]
    .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden")
    .filter((el) => !edged(getComputedStyle(el)) && !outlined(getComputedStyle(el)))
    .map((el) => el.outerHTML.slice(0, 160));
}"""

# The WCAG 1.4.12 bookmarklet's rules. A constructed style sheet, since the site's
# CSP refuses an injected <style> element.
TEXT_SPACING = """() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`
    * { line-height: 1.5 !important; letter-spacing: 0.12em !important;
        word-spacing: 0.16em !important; }
    p { margin-bottom: 2em !important; }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""
CARDS = "main article, main .category-grid li, main .search-form, main .filters__summary"
OVERFLOWING = """(cards) => {
  const page = document.documentElement;
  const found = [];
  if (page.scrollWidth > page.clientWidth) {
    found.push(`the page scrolls sideways: ${page.scrollWidth} > ${page.clientWidth} px`);
  }
  for (const card of document.querySelectorAll(cards)) {
    const box = card.getBoundingClientRect();
    if (card.scrollWidth > card.clientWidth + 1) {
      found.push(`${card.className}: its content is ${card.scrollWidth} px in ${card.clientWidth}`);
    }
    for (const inner of card.querySelectorAll("*")) {
      const edge = inner.getBoundingClientRect();
      if (!edge.width || getComputedStyle(inner).position === "absolute") continue;
      if (edge.left < box.left - 0.5 || edge.right > box.right + 0.5) {
        found.push(`${inner.outerHTML.slice(0, 100)} spills out of ${card.className}`);
      }
    }
  }
  return found;
}"""


@pytest.fixture
def directory(reference_data):
    SampleDirectory(count=60, seed=5).build()


def organization_with_a_map() -> Organization:
    organization = (
        Organization.objects.published()
        .filter(locations__is_confidential=False, locations__schedules__isnull=False)
        .order_by("slug")
        .first()
    )
    assert organization is not None
    return organization


def test_in_forced_colours_everything_to_press_keeps_an_edge(page_factory, directory):
    organization = organization_with_a_map()
    page = page_factory(width=375, height=667)
    page.emulate_media(forced_colors="active")
    missing = {}
    for url in [
        "/",
        RESULTS,
        "/counties/los-angeles/",
        organization.get_absolute_url(),
        reverse("organizations:suggest", args=[organization.slug]),
        "/resources/",
    ]:
        page.goto(url)
        wait_until_drawn(page)
        # Folded filters and "more filters" hold buttons too: look at them open.
        page.evaluate("() => document.querySelectorAll('details').forEach((d) => (d.open = true))")
        assert page.evaluate("matchMedia('(forced-colors: active)').matches")
        assert page.locator(PRESSABLE).count() > 1, url
        if found := page.evaluate(WITHOUT_AN_EDGE, PRESSABLE):
            missing[url] = found
    assert missing == {}


def test_at_320_px_with_wcag_text_spacing_nothing_spills_out_of_its_card(page_factory, directory):
    page = page_factory(width=320, height=640)
    organization = organization_with_a_map().get_absolute_url()
    paths = [RESULTS, "/counties/los-angeles/", organization, "/resources/"]
    overflowing = {}
    # Spanish too: its longer words are the first to spill.
    for url in [prefix + path for prefix in ("", "/es") for path in paths]:
        page.goto(url)
        wait_until_drawn(page)
        page.evaluate(TEXT_SPACING)
        assert page.evaluate("getComputedStyle(document.body).wordSpacing") != "0px"
        assert page.locator(CARDS).count() > 1, url
        if found := page.evaluate(OVERFLOWING, CARDS):
            overflowing[url] = found
    assert overflowing == {}


def test_a_spanish_results_printout_names_the_filters_and_the_date(page_factory, directory):
    page = page_factory()
    page.goto("/es" + RESULTS)
    page.emulate_media(media="print")
    printed = page.locator("p.print-only", has_text="Filtros usados:")
    assert printed.is_visible()
    with translation.override("es"):
        today = formats.date_format(date.today(), "DATE_FORMAT")
    assert "Fresno" in printed.inner_text()
    assert today in printed.inner_text()
    assert page.locator(".filters__summary").is_hidden(), "the paper needs no fold"


def test_an_organization_printout_keeps_the_hours_and_leaves_out_open_now(page_factory, directory):
    page = page_factory()
    page.goto(organization_with_a_map().get_absolute_url())
    assert page.locator(".open-now").first.is_visible()
    page.emulate_media(media="print")
    assert page.locator(".hours").first.is_visible(), "the opening hours stay on paper"
    assert page.locator(".open-now:visible").count() == 0
    assert page.locator(".map:visible, button:visible").count() == 0
