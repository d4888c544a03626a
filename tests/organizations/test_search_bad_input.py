"""No query string, however strange, makes the search pages fail."""

from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import LocationFactory, ServiceFactory, county, county_url, service_type

pytestmark = pytest.mark.django_db

PARAMETERS = [
    "q",
    "zip",
    "county",
    "service_type",
    "population",
    "language",
    "free",
    "open_24_7",
    "referrals",
    "remote",
    "page",
]
NASTY_VALUES = [
    "",
    "nowhere",
    "abc",
    "99999",
    "-1",
    "0",
    "1e309",
    "1;DROP TABLE organizations_service",
    "' OR 1=1 --",
    "%",
    "\x00",
    "a\x00b",
    "<script>alert(1)</script>",
    "95814",
    "fresno",
    "legal-services",
    "minors",
    "es",
    "1",
    "true",
    "\ud7ff",
    "🙂",
    "&&&",
    "x" * 10_240,
    "9" * 400,
]


@pytest.fixture
def listed(db):
    service = ServiceFactory(
        types=[service_type("legal-services")], counties_served=[county("fresno")]
    )
    LocationFactory(organization=service.organization)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("county=nowhere", "Select a valid choice."),
        ("zip=abc", "Enter a five-digit ZIP code"),
        ("zip=10001", "We could not find ZIP code 10001 in California."),
        ("service_type=1;DROP", "Select a valid choice."),
        ("language=xx", "Select a valid choice."),
        ("q=" + "x" * 10_240, "Ensure this value has at most 200 characters"),
    ],
)
def test_bad_values_get_a_clear_message(client, listed, query, message):
    response = client.get(f"{reverse('organizations:search')}?{query}")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Part of your search could not be used" in body
    assert message in body


def test_a_page_past_the_end_and_repeated_parameters_still_answer(client, listed):
    url = reverse("organizations:search")
    response = client.get(f"{url}?page=99999&page=abc&county=fresno&county=alpine&free=1&free=0")
    assert response.status_code == 200
    assert client.get(f"{url}?page=-5").status_code == 200
    assert client.get(county_url("fresno") + "?page=99999").status_code == 200


pairs = st.tuples(
    st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=20)),
    st.one_of(st.sampled_from(NASTY_VALUES), st.text(max_size=60)),
)


# How many examples: the Hypothesis profile (tests/conftest.py).
@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=st.lists(pairs, max_size=8),
    encoded=st.booleans(),
    path=st.sampled_from(["/search/", "/counties/fresno/", "/es/search/"]),
)
def test_any_query_string_gives_a_page_not_an_error(client, listed, query, encoded, path):
    if encoded:
        raw = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in query)
    else:
        # Unescaped, as a hand-edited address can be: stray %, & and = included.
        raw = "&".join(f"{k}={v}" for k, v in query)
    response = client.get(f"{path}?{raw}")
    assert response.status_code in (200, 400), raw
    if response.status_code == 200:
        assert b"<h1>" in response.content
