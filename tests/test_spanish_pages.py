"""Spanish pages: the listing text curators wrote in Spanish, and English only inside lang="en".

The curators' text is translated field by field (organizations/translation.py,
resources/translation.py). Where a field has no Spanish version, the English
stands in and must sit inside an element with `lang="en"`, so a screen reader
reads it with an English voice.
"""

from html.parser import HTMLParser
from typing import Any

import pytest
from django.utils import translation

from organizations.models import Location, Organization, Service
from organizations.sample_data import SampleDirectory
from resources.models import Resource
from tests.factories import OrganizationFactory, ServiceFactory
from tests.organizations.listed import listed
from tests.public_urls import public_urls

pytestmark = pytest.mark.django_db

LISTING_TEXT: dict[Any, list[str]] = {
    Organization: ["description"],
    Service: ["name", "description", "eligibility", "fees", "how_to_get_help"],
    Location: ["name", "accessibility"],
    Resource: ["title", "summary"],
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class VisibleText(HTMLParser):
    """The text of <body> a visitor sees, split into what is marked English and the rest."""

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str | None, bool]] = []
        self.unmarked: list[str] = []
        self.marked: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attributes = dict(attrs)
        parent_lang = self.stack[-1][1] if self.stack else None
        hidden = (self.stack[-1][2] if self.stack else False) or tag in {"script", "style", "head"}
        self.stack.append((tag, attributes.get("lang", parent_lang), hidden))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not self.stack or self.stack[-1][2] or not data.strip():
            return
        (self.marked if self.stack[-1][1] == "en" else self.unmarked).append(" ".join(data.split()))


def english_only_texts() -> set[str]:
    """Every English text of a listing that has no Spanish version."""
    texts = set()
    for model, fields in LISTING_TEXT.items():
        for obj in model.objects.all():
            for field in fields:
                english, spanish = getattr(obj, f"{field}_en"), getattr(obj, f"{field}_es")
                if english and not spanish and len(english) > 8:
                    texts.add(" ".join(english.split()))
    return texts


@pytest.fixture
def directory():
    SampleDirectory(count=12, seed=7).build()
    # One listing with nothing in Spanish, so the test meets the case it guards.
    organization = OrganizationFactory(
        name="Untranslated Example", description_en="Help written only in English."
    )
    ServiceFactory(organization=organization, name_en="English-only counseling")


def test_spanish_pages_mark_every_english_listing_text(client, directory):
    english = english_only_texts()
    assert "Help written only in English." in english
    urls = [url for url in public_urls() if url.startswith("/es/")]
    urls.append("/es" + Organization.objects.get(name="Untranslated Example").get_absolute_url())
    seen_marked = False
    for url in urls:
        parser = VisibleText()
        parser.feed(client.get(url).content.decode())
        unmarked = " | ".join(parser.unmarked)
        leaks = [text for text in english if text in unmarked]
        assert not leaks, f"{url} shows English outside lang=en: {leaks[:3]}"
        seen_marked = seen_marked or any(text in " ".join(parser.marked) for text in english)
    assert seen_marked, "English stand-ins were found inside lang=en at least once"


def test_spanish_pages_show_the_spanish_text(client, directory):
    organization = Organization.objects.filter(is_sample=True).exclude(description_es="").first()
    body = client.get("/es" + organization.get_absolute_url()).content.decode()
    assert organization.description_es.split(".")[0] in body
    service = organization.services.first()
    assert service.name_es in body


def test_attribute_access_reads_the_active_language_for_the_api():
    """The HSDS serializers read `service.name`: the language of the request decides."""
    service = ServiceFactory(name_en="Legal advocacy", name_es="Defensa legal")
    with translation.override("es"):
        assert Service.objects.get(pk=service.pk).name == "Defensa legal"
    with translation.override("en"):
        assert Service.objects.get(pk=service.pk).name == "Legal advocacy"
    untranslated = ServiceFactory(name_en="Rides to appointments", name_es="")
    with translation.override("es"):
        assert Service.objects.get(pk=untranslated.pk).name == "Rides to appointments"


def test_spanish_words_find_services(client):
    ServiceFactory(name_en="Emergency shelter", name_es="Refugio de emergencia")
    ServiceFactory(name_en="Job training", name_es="Capacitación laboral")
    response = client.get("/es/search/", {"q": "refugio"})
    names = [
        service.name_en
        for organization in listed(response)
        for service in organization.listed_services
    ]
    assert names == ["Emergency shelter"]
