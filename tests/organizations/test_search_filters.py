"""Each search filter alone and together, on a small directory with known answers."""

import re
from datetime import date

import pytest
from django.urls import reverse

from core.publishing import Status
from tests.factories import (
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ServiceFactory,
    county,
    county_url,
    language,
    population,
    service_type,
)
from tests.organizations.listed import listed, listed_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    """Five organizations whose services differ one filter at a time."""
    fresno, sacramento = county("fresno"), county("sacramento")
    legal, shelter = service_type("legal-services"), service_type("emergency-shelter")
    adults, minors = population("adults"), population("minors")
    spanish = language("es")

    # Legal help for adults and a shelter for minors: never "legal + minors".
    split = OrganizationFactory(name="Split Services Center")
    ServiceFactory(
        organization=split,
        name="Adult legal clinic",
        types=[legal],
        populations_served=[adults],
        counties_served=[fresno],
        is_free=True,
    )
    ServiceFactory(
        organization=split,
        name="Youth shelter",
        types=[shelter],
        populations_served=[minors],
        counties_served=[fresno],
        is_24_7=True,
    )
    youth_legal = OrganizationFactory(name="Youth Law Project")
    ServiceFactory(
        organization=youth_legal,
        name="Legal help for minors",
        types=[legal],
        populations_served=[minors],
        counties_served=[fresno],
        languages_spoken=[spanish],
        accepts_referrals=True,
    )
    statewide = OrganizationFactory(name="Statewide Helpline")
    ServiceFactory(
        organization=statewide,
        name="Statewide legal line",
        types=[legal],
        populations_served=[adults, minors],
        is_statewide=True,
        is_remote=True,
        is_free=True,
        is_24_7=True,
    )
    sacramento_only = OrganizationFactory(name="Capital Shelter")
    ServiceFactory(
        organization=sacramento_only,
        name="Capital emergency shelter",
        types=[shelter],
        populations_served=[adults],
        counties_served=[sacramento],
        languages_spoken=[spanish],
        is_free=True,
    )
    draft = OrganizationFactory(name="Draft Legal Aid", status=Status.DRAFT)
    ServiceFactory(organization=draft, types=[legal], counties_served=[fresno])
    hidden_service = OrganizationFactory(name="Archived Service Org")
    ServiceFactory(
        organization=hidden_service,
        types=[legal],
        counties_served=[fresno],
        status=Status.ARCHIVED,
    )


def names(client, query: str = "", url: str | None = None) -> list[str]:
    response = client.get(f"{url or reverse('organizations:search')}?{query}")
    assert response.status_code == 200
    return listed_names(response)


ALL = ["Capital Shelter", "Split Services Center", "Statewide Helpline", "Youth Law Project"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("county=fresno", ["Split Services Center", "Statewide Helpline", "Youth Law Project"]),
        ("county=sacramento", ["Capital Shelter", "Statewide Helpline"]),
        (
            "service_type=legal-services",
            ["Split Services Center", "Statewide Helpline", "Youth Law Project"],
        ),
        (
            "service_type=legal-services&service_type=emergency-shelter",
            ALL,
        ),
        ("population=minors", ["Split Services Center", "Statewide Helpline", "Youth Law Project"]),
        ("language=es", ["Capital Shelter", "Youth Law Project"]),
        ("free=1", ["Capital Shelter", "Split Services Center", "Statewide Helpline"]),
        ("open_24_7=1", ["Split Services Center", "Statewide Helpline"]),
        ("referrals=1", ["Youth Law Project"]),
        ("remote=1", ["Statewide Helpline"]),
        ("zip=95814", ["Capital Shelter", "Statewide Helpline"]),
    ],
)
def test_each_filter_alone(client, directory, query, expected):
    assert sorted(names(client, query)) == expected


def test_filters_match_at_service_level(client, directory):
    """Legal help for adults plus a shelter for minors is not legal help for minors."""
    result = names(client, "county=fresno&service_type=legal-services&population=minors")
    assert sorted(result) == ["Statewide Helpline", "Youth Law Project"]
    assert "Split Services Center" not in result


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("county=fresno&free=1&open_24_7=1", ["Statewide Helpline"]),
        (
            "county=fresno&service_type=emergency-shelter&population=minors",
            ["Split Services Center"],
        ),
        ("county=sacramento&service_type=emergency-shelter&language=es", ["Capital Shelter"]),
        ("county=fresno&language=es&referrals=1", ["Youth Law Project"]),
        ("county=sacramento&service_type=legal-services&population=adults", ["Statewide Helpline"]),
        # The free service and the 24/7 service of Split Services Center are different ones.
        ("county=fresno&free=1&open_24_7=1&service_type=legal-services", ["Statewide Helpline"]),
        ("county=fresno&service_type=emergency-shelter&free=1", []),
        ("zip=95814&service_type=emergency-shelter", ["Capital Shelter"]),
    ],
)
def test_filters_in_combination(client, directory, query, expected):
    assert sorted(names(client, query)) == expected


def test_the_result_shows_only_the_services_that_matched(client, directory):
    response = client.get(reverse("organizations:search") + "?population=minors&county=fresno")
    split = next(o for o in listed(response) if o.name == "Split Services Center")
    assert [s.name for s in split.listed_services] == ["Youth shelter"]
    body = response.content.decode()
    assert "Youth shelter" in body
    assert "Adult legal clinic" not in body


def test_drafts_and_archived_services_never_match(client, directory):
    body = client.get(reverse("organizations:search") + "?county=fresno").content.decode()
    assert "Draft Legal Aid" not in body
    assert "Archived Service Org" not in body


def test_a_county_page_is_the_search_pre_filtered(client, directory):
    fresno_url = county_url("fresno")
    assert sorted(names(client, "", fresno_url)) == [
        "Split Services Center",
        "Statewide Helpline",
        "Youth Law Project",
    ]
    assert names(client, "service_type=legal-services&population=minors", fresno_url) == [
        "Statewide Helpline",
        "Youth Law Project",
    ]
    body = client.get(fresno_url).content.decode()
    assert 'name="county"' not in body, "the county is fixed by the address"


def test_results_are_in_name_order_without_keyword_or_zip(client, directory):
    assert names(client) == ALL


def test_the_count_and_chips_describe_the_search(client, directory):
    response = client.get(
        reverse("organizations:search") + "?county=fresno&service_type=legal-services&free=1"
    )
    body = response.content.decode()
    assert "2 organizations" in body
    chips = dict(response.context["active_filters"])
    assert chips == {
        "County: Fresno": "service_type=legal-services&free=1",
        "Type of help: Legal services": "county=fresno&free=1",
        "Free of charge": "county=fresno&service_type=legal-services",
    }
    assert 'href="?county=fresno&amp;free=1"' in body


def test_removing_one_of_several_values_keeps_the_others(client, directory):
    response = client.get(
        reverse("organizations:search")
        + "?service_type=legal-services&service_type=emergency-shelter&page=2"
    )
    chips = dict(response.context["active_filters"])
    assert chips["Type of help: Legal services"] == "service_type=emergency-shelter"
    assert chips["Type of help: Emergency shelter"] == "service_type=legal-services"


def test_the_empty_state_suggests_widening_and_gives_the_hotline(client, directory):
    body = client.get(
        reverse("organizations:search") + "?county=alpine&service_type=medical-care"
    ).content.decode()
    assert "0 organizations" in body
    # The filters fold into a <details> that may be above or closed, so the
    # suggestion no longer says where they are.
    assert "Change or remove a filter to widen the search." in body
    assert 'href="tel:+18883737888"' in body
    assert "?remote=1" in body


def test_a_result_shows_phones_badges_languages_and_verification(client, directory):
    organization = OrganizationFactory(name="Full Card", last_verified_on=date(2025, 3, 4))
    service = ServiceFactory(
        organization=organization,
        name="Crisis line",
        is_24_7=True,
        is_free=True,
        counties_served=[county("fresno")],
        languages_spoken=[language("es")],
    )
    PhoneFactory(organization=organization, number="559-555-0100")
    PhoneFactory(organization=organization, service=service, number="559-555-0101", kind="text")
    LocationFactory(organization=organization, city="Fresno", county=county("fresno"))
    body = client.get(reverse("organizations:search") + "?q=Full+Card").content.decode()
    card = body[body.index("Full Card") : body.index("result__verified")]
    assert 'href="tel:+15595550100"' in card
    assert 'href="sms:+15595550101"' in card
    assert "24/7" in card
    assert "Free" in card
    assert "Spanish" in card
    assert "Fresno County" in card
    # Not verified for 18 months: said plainly on the card.
    assert "Not checked for over 18 months (last on March 4, 2025)" in body


def test_the_filter_form_works_without_javascript(client, directory):
    body = client.get(reverse("organizations:search")).content.decode()
    form = re.search(r'<form class="search-form" method="get" action="/search/"', body)
    assert form, "a plain GET form"
    assert '<button class="button" type="submit">' in body


def test_pages_past_the_end_show_the_last_page(client):
    for index in range(25):
        ServiceFactory(
            organization=OrganizationFactory(name=f"Org {index:02d}"),
            counties_served=[county("fresno")],
        )
    response = client.get(reverse("organizations:search") + "?page=99999")
    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert listed_names(response) == [f"Org {i:02d}" for i in range(20, 25)]
    assert client.get(reverse("organizations:search") + "?page=abc").context["page_obj"].number == 1
    first = client.get(reverse("organizations:search"))
    assert len(first.context["organizations"]) == 20
    assert "25 organizations" in first.content.decode()
