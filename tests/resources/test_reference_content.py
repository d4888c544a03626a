"""The library's fixtures are content people rely on: check them like code.

fixtures/reference/library.json holds the categories and audiences (release
data); fixtures/sample/resources.json the starter library (demonstration data).
"""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from resources.choices import CategorySlug
from resources.markdown import render_markdown
from resources.models import Category, Resource
from resources.validators import RESERVED_SLUGS

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
LIBRARY = FIXTURES / "reference" / "library.json"
STARTER = FIXTURES / "sample" / "resources.json"
# The sources a fact may cite: governments, the UN and the hotline's operator.
OFFICIAL_HOSTS = re.compile(r"(\.gov|\.ca\.gov|\.un\.org|ohchr\.org|humantraffickinghotline\.org)$")


def rows(model: str) -> list[dict]:
    data = [
        *json.loads(LIBRARY.read_text(encoding="utf-8")),
        *json.loads(STARTER.read_text(encoding="utf-8")),
    ]
    return [row["fields"] for row in data if row["model"] == model]


def test_there_are_exactly_the_six_categories_with_spanish_names():
    categories = rows("resources.category")
    assert [c["slug"] for c in sorted(categories, key=lambda c: c["sort_order"])] == list(
        CategorySlug.values
    )
    assert [c["name"] for c in sorted(categories, key=lambda c: c["sort_order"])] == [
        "Awareness Materials",
        "Trainings",
        "Legislation",
        "Prevention Education",
        "Research",
        "Legislative Models",
    ]
    for category in categories:
        assert category["name_es"].strip()
        assert category["description"].strip()
        assert category["description_es"].strip()


def test_there_are_the_seven_audiences_with_spanish_names():
    audiences = rows("resources.audience")
    assert {a["name"] for a in audiences} == {
        "Survivors",
        "Service providers",
        "Educators",
        "Law enforcement",
        "Health care",
        "Employers",
        "General public",
    }
    assert all(a["name_es"].strip() for a in audiences)


def test_resource_slugs_are_unique_and_never_a_library_address():
    slugs = [r["slug"] for r in rows("resources.resource")]
    assert len(slugs) == len(set(slugs))
    assert not set(slugs) & RESERVED_SLUGS


def test_real_resources_cite_official_sources_over_https():
    real = [r for r in rows("resources.resource") if not r["is_sample"]]
    assert len(real) >= 5
    for resource in real:
        url = urlsplit(resource["url"])
        assert url.scheme == "https", resource["slug"]
        assert OFFICIAL_HOSTS.search(url.hostname), resource["slug"]
        assert "sample" not in resource["title"].lower()


def test_sample_resources_say_they_are_samples():
    samples = [r for r in rows("resources.resource") if r["is_sample"]]
    assert samples
    for resource in samples:
        assert resource["slug"].startswith("sample-")
        assert "sample" in resource["body"].lower()
        assert "sample" in resource["publisher"].lower()


@pytest.mark.parametrize(
    ("slug", "facts"),
    [
        (
            "proposition-35-case-act",
            ["Californians Against Sexual Exploitation", "November 6, 2012", "81%"],
        ),
        ("trafficking-victims-protection-act-2000", ["October 28, 2000", "106-386"]),
        ("california-transparency-in-supply-chains-act", ["SB 657", "2010", "$100 million"]),
    ],
)
def test_the_landmark_laws_are_stated_with_their_facts(slug, facts):
    resource = next(r for r in rows("resources.resource") if r["slug"] == slug)
    assert resource["is_sample"] is False
    assert resource["status"] == "published"
    # Natural keys: the category by its slug.
    assert resource["category"] == ["legislation"]
    text = " ".join([resource["title"], resource["summary"], resource["body"]])
    for fact in facts:
        assert fact in text, fact


def test_every_link_in_the_bodies_survives_the_sanitiser():
    for resource in rows("resources.resource"):
        written = len(re.findall(r"\]\(", resource["body"]))
        rendered = len(re.findall(r"<a href=", render_markdown(resource["body"])))
        assert rendered == written, resource["slug"]


@pytest.mark.django_db
def test_every_category_has_published_resources_once_loaded():
    for category in Category.objects.with_published_counts():
        assert category.published_count >= 1, category.slug
    assert Resource.objects.published().filter(is_sample=False).count() >= 5


@pytest.mark.django_db
def test_the_fixture_loads_again_without_duplicates():
    from django.core.management import call_command

    before = Resource.objects.count()
    call_command("loaddata", str(STARTER), verbosity=0)
    assert Resource.objects.count() == before
    assert Category.objects.count() == 6
