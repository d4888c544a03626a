from datetime import date, time
from types import SimpleNamespace

import pytest

from core.publishing import Status
from organizations.models import Phone
from tests.factories import (
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ScheduleFactory,
    ServiceFactory,
    county,
    language,
    population,
    service_type,
)

# The confidential shelter's secrets: none may appear in any API response.
SHELTER_STREET = "77 Hidden Way"
SHELTER_UNIT = "Unit 9"
SHELTER_ZIP = "93721"
SHELTER_LATITUDE = "36.737800"
SHELTER_LONGITUDE = "-119.787100"


@pytest.fixture
def directory(reference_data):
    """A small directory with known answers (on the reference data, which a
    transactional test before it on the same worker may have flushed).

    Harbor Light (published, real) has a public drop-in center and a
    confidential shelter, three published services and a draft one; a sample
    organization has one service; a draft and an archived organization must
    never appear.
    """
    harbor = OrganizationFactory(
        name="Harbor Light Advocates",
        alternate_name="Harbor Light",
        description="Advocacy and shelter for survivors.",
        website="https://harborlight.example.org",
        email="help@harborlight.example.org",
        last_verified_on=date(2025, 3, 1),
        is_sample=False,
    )
    drop_in = LocationFactory(
        organization=harbor,
        name="Drop-in center",
        address_1="1200 Alder St",
        address_2="Suite 4",
        accessibility="Step-free entrance.",
    )
    shelter = LocationFactory(
        organization=harbor,
        name="Shelter",
        address_1=SHELTER_STREET,
        address_2=SHELTER_UNIT,
        city="Fresno",
        zip_code=SHELTER_ZIP,
        county=county("fresno"),
        latitude=SHELTER_LATITUDE,
        longitude=SHELTER_LONGITUDE,
        is_confidential=True,
    )
    legal = ServiceFactory(
        organization=harbor,
        name="Legal aid",
        description="T and U visa help.",
        eligibility="Adults 18 and over.",
        how_to_get_help="Call to make an appointment.",
        is_free=True,
        accepts_referrals=True,
        types=[service_type("legal-services")],
        populations_served=[population("adults")],
        languages_spoken=[language("en"), language("es")],
        counties_served=[county("sacramento")],
    )
    hotline = ServiceFactory(
        organization=harbor,
        name="Crisis line",
        is_24_7=True,
        is_remote=True,
        is_statewide=True,
        types=[service_type("24-7-crisis-hotline")],
    )
    sheltering = ServiceFactory(
        organization=harbor,
        name="Emergency shelter",
        fees="Sliding scale.",
        types=[service_type("emergency-shelter")],
        populations_served=[population("minors")],
        counties_served=[county("fresno")],
    )
    draft_service = ServiceFactory(
        organization=harbor,
        name="Unannounced program",
        status=Status.DRAFT,
        types=[service_type("case-management")],
    )
    drop_in.services.add(legal, draft_service)
    shelter.services.add(sheltering)

    PhoneFactory(organization=harbor, number="916-555-0100", description="Front desk")
    PhoneFactory(
        organization=harbor, service=hotline, number="800-555-0101", kind=Phone.Kind.HOTLINE
    )
    PhoneFactory(
        organization=harbor, location=drop_in, number="916-555-0102", extension="12"
    ).languages.set([language("es")])
    PhoneFactory(organization=harbor, location=shelter, number="559-555-0103", kind=Phone.Kind.TTY)
    PhoneFactory(organization=harbor, service=legal, location=drop_in, number="916-555-0104")
    ScheduleFactory(location=drop_in, weekday=1, opens_at=time(9), closes_at=time(17))
    ScheduleFactory(location=drop_in, weekday=5, opens_at=time(22), closes_at=time(2))
    ScheduleFactory(location=shelter, weekday=6, opens_at=time(0), closes_at=time(0))

    sample = OrganizationFactory(name="Poppy Sample Center", is_sample=True)
    sample_service = ServiceFactory(
        organization=sample, name="Case management", types=[service_type("case-management")]
    )
    hidden = []
    for status in (Status.DRAFT, Status.ARCHIVED):
        organization = OrganizationFactory(name=f"Hidden {status} org", status=status)
        service = ServiceFactory(
            organization=organization,
            name=f"Hidden {status} service",
            types=[service_type("legal-services")],
        )
        location = LocationFactory(organization=organization, address_1="5 Secret Ln")
        location.services.add(service)
        hidden += [organization, service, location]

    return SimpleNamespace(
        harbor=harbor,
        drop_in=drop_in,
        shelter=shelter,
        legal=legal,
        hotline=hotline,
        sheltering=sheltering,
        draft_service=draft_service,
        sample=sample,
        sample_service=sample_service,
        hidden=hidden,
    )
