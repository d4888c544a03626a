"""The reference data is content people rely on: validate it like code."""

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from organizations.models.location import CA_LATITUDE, CA_LONGITUDE

FIXTURES = Path(settings.BASE_DIR) / "fixtures" / "reference"


def records(name: str, model: str) -> list[dict]:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return [row for row in data if row["model"] == model]


def test_it_lists_all_58_california_counties_once():
    counties = records("counties.json", "core.county")
    assert len(counties) == 58
    assert len({c["fields"]["name"] for c in counties}) == 58
    assert len({c["fields"]["slug"] for c in counties}) == 58
    assert {"Alpine", "Los Angeles", "San Francisco", "Yuba"} <= {
        c["fields"]["name"] for c in counties
    }


def test_it_gives_every_county_a_valid_california_fips_code():
    fips = [c["fields"]["fips"] for c in records("counties.json", "core.county")]
    # California's counties are 06001 to 06115, odd numbers in alphabetical order.
    assert fips == [f"06{n:03d}" for n in range(1, 116, 2)]


def test_it_places_every_county_centroid_inside_california():
    for county in records("counties.json", "core.county"):
        lat = Decimal(county["fields"]["latitude"])
        lng = Decimal(county["fields"]["longitude"])
        assert CA_LATITUDE[0] <= lat <= CA_LATITUDE[1], county["fields"]["name"]
        assert CA_LONGITUDE[0] <= lng <= CA_LONGITUDE[1], county["fields"]["name"]


@pytest.mark.parametrize(
    ("name", "model"),
    [
        ("service_types.json", "organizations.servicetype"),
        ("populations.json", "organizations.population"),
        ("languages.json", "core.language"),
    ],
)
def test_it_names_every_taxonomy_term_in_spanish(name, model):
    terms = records(name, model)
    assert terms
    for term in terms:
        assert term["fields"]["name_es"].strip(), term["fields"]["name"]


def test_it_has_unique_uuids_and_keys_everywhere():
    seen = set()
    for path in FIXTURES.glob("*.json"):
        for row in json.loads(path.read_text(encoding="utf-8")):
            # Rows are matched by natural key, never by a primary key.
            assert "pk" not in row, row
            key = (row["model"], row["fields"].get("slug") or row["fields"].get("code"))
            assert key not in seen, key
            seen.add(key)
            uuid = row["fields"].get("uuid")
            if uuid:
                assert uuid not in seen, uuid
                seen.add(uuid)


def test_it_covers_the_service_types_survivors_need():
    names = {
        t["fields"]["name"] for t in records("service_types.json", "organizations.servicetype")
    }
    required = {
        "Case management", "24/7 crisis hotline", "Emergency shelter",
        "Transitional and long-term housing", "Legal services",
        "Immigration legal services (T/U visas)", "Medical care", "Mental health",
        "Substance use treatment", "Interpretation and translation", "Transportation",
        "Basic needs", "Employment and education", "Life skills", "Victim compensation",
        "Family reunification", "Law enforcement", "Task forces and coalitions",
        "Training for professionals",
    }  # fmt: skip
    assert required <= names


def test_it_covers_the_populations_services_are_for():
    names = {p["fields"]["name"] for p in records("populations.json", "organizations.population")}
    required = {
        "Adults", "Minors", "Transition-age youth", "Women", "Men",
        "Transgender and non-binary people", "LGBTQ+", "Foreign nationals",
        "U.S. citizens and residents", "Sex trafficking survivors",
        "Labor trafficking survivors", "Families", "People with disabilities",
    }  # fmt: skip
    assert required <= names


def test_it_covers_california_s_most_spoken_languages():
    codes = {lang["fields"]["code"] for lang in records("languages.json", "core.language")}
    assert {"en", "es", "zh", "vi", "tl", "ko", "hy", "ru", "pa", "ar"} <= codes
    for code in codes:
        assert re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", code)


def test_county_shapes_match_the_fixture():
    shapes = json.loads(
        (Path(settings.BASE_DIR) / "static/geo/california-counties.geojson").read_text()
    )
    fips = {f["properties"]["fips"] for f in shapes["features"]}
    assert fips == {c["fields"]["fips"] for c in records("counties.json", "core.county")}
