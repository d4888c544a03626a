"""What a first visit to each public page costs a survivor's phone plan, in compressed bytes.

Issue 14's budget: the page and every file of this site it loads at most 30 KB, or
120 KB on a page that draws a street map (Leaflet); and no Leaflet where no map is drawn.
Bytes, not time: the page as the site sends it gzipped, plus each static file it names,
compressed the way WhiteNoise compresses it when the files are built (collectstatic), and
the files those stylesheets name in url(). Counting every url() is an over-estimate
(Leaflet's marker and layer images are named but never drawn here), kept on purpose: a
background image or web font added to a stylesheet is counted before anyone notices it.
scripts/first_visit.py measures the same in a browser, against a running server.
"""

import posixpath
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from whitenoise.compress import Compressor

from organizations.sample_data import SampleDirectory
from tests.factories import LocationFactory, OrganizationFactory, county
from tests.public_urls import public_urls
from tests.rendered import render_once

pytestmark = pytest.mark.django_db

BUDGET = 30 * 1024
MAP_BUDGET = 120 * 1024
STATIC = "/" + settings.STATIC_URL.strip("/") + "/"
# A static address anywhere in the page: tags' href and src, and the map settings'
# JSON, which names the county shapes a county's map fetches (counted on an
# organization's map too, which does not fetch them: an over-estimate again).
STATIC_ADDRESS = re.compile(re.escape(STATIC) + r"[^\"'\s<>?#]+")
# Links are followed only when pressed: a download is no part of the first visit.
LINK = re.compile(r"<a\b[^>]*>")
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']""")
COMPRESSOR = Compressor(quiet=True)


def with_a_street_map() -> str:
    """An organization with two public offices: its page draws a map of both."""
    organization = OrganizationFactory(name="Two Offices")
    LocationFactory(organization=organization)
    LocationFactory(
        organization=organization,
        city="Fresno",
        zip_code="93721",
        county=county("fresno"),
        latitude="36.737800",
        longitude="-119.787100",
    )
    return organization.get_absolute_url()


def every_public_page() -> list[str]:
    SampleDirectory(count=12, seed=7).build()
    return [*public_urls(), with_a_street_map()]


@pytest.fixture(scope="module")
def pages(django_db_setup, django_db_blocker):
    """Every public page as sent to a browser that accepts gzip: (HTML, bytes on the wire)."""
    client = Client()

    def get(url: str) -> tuple[str, int]:
        plain = client.get(url).content.decode()
        return plain, len(client.get(url, HTTP_ACCEPT_ENCODING="gzip").content)

    return render_once(django_db_blocker, every_public_page, get)


def sent_size(data: bytes, name: str) -> int:
    """The bytes WhiteNoise sends for a built file: gzipped where that pays, else as is."""
    if not COMPRESSOR.should_compress(name):
        return len(data)
    packed = COMPRESSOR.compress_gzip(data)
    effective = COMPRESSOR.is_compressed_effectively("gzip", name, len(data), packed)
    return len(packed) if effective else len(data)


def static_file(name: str) -> bytes:
    path = finders.find(name)
    assert path, f"{STATIC}{name} is named by a page but is no static file"
    with open(path, "rb") as file:
        return file.read()


def assets(html: str) -> set[str]:
    """The static files a first visit to the page loads, as names under STATIC_URL."""
    names = {address.removeprefix(STATIC) for address in STATIC_ADDRESS.findall(LINK.sub("", html))}
    pending = [name for name in names if name.endswith(".css")]
    while pending:
        stylesheet = pending.pop()
        for match in CSS_URL.finditer(static_file(stylesheet).decode()):
            reference = (match.group(1) or match.group(2)).strip()
            if reference.startswith(("data:", "#")):
                continue
            name = posixpath.normpath(posixpath.join(posixpath.dirname(stylesheet), reference))
            if name not in names:
                names.add(name)
                if name.endswith(".css"):
                    pending.append(name)
    return names


def first_visit(html: str, page_bytes: int) -> int:
    return page_bytes + sum(sent_size(static_file(name), name) for name in assets(html))


def draws_a_street_map(html: str) -> bool:
    return 'data-map="' in html


def test_pages_without_a_street_map_load_no_leaflet(pages):
    for url, (html, _) in pages.items():
        if not draws_a_street_map(html):
            assert not [name for name in assets(html) if "leaflet" in name], url
            assert "leaflet" not in html.lower(), url


def test_street_map_pages_are_measured(pages):
    """The map budget is exercised: a county's page and an organization's draw a map."""
    with_map = [url for url, (html, _) in pages.items() if draws_a_street_map(html)]
    assert any("/counties/" in url for url in with_map)
    assert any("/organizations/" in url for url in with_map)


def test_a_first_visit_stays_within_the_budget(pages):
    over = {}
    for url, (html, page_bytes) in pages.items():
        budget = MAP_BUDGET if draws_a_street_map(html) else BUDGET
        spent = first_visit(html, page_bytes)
        if spent > budget:
            over[url] = f"{spent / 1024:.1f} KB of {budget // 1024} KB"
    assert not over, over


def test_the_budget_counts_what_stylesheets_load():
    """A stylesheet's images are part of the visit, so a heavy background cannot slip in."""
    html = f'<link rel="stylesheet" href="{STATIC}leaflet/leaflet.css">'
    assert "leaflet/images/layers.png" in assets(html)
    stylesheet = sent_size(static_file("leaflet/leaflet.css"), "leaflet.css")
    assert first_visit(html, 0) > stylesheet
