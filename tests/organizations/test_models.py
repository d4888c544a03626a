import pytest
from django.core.exceptions import ValidationError

from core.publishing import Status
from organizations.models import Organization, Phone, Service
from organizations.validators import format_phone, validate_phone_number
from tests.factories import (
    LocationFactory,
    OrganizationFactory,
    PhoneFactory,
    ServiceFactory,
    county,
)

pytestmark = pytest.mark.django_db


def test_published_hides_drafts_and_archived():
    live = OrganizationFactory(status=Status.PUBLISHED)
    OrganizationFactory(status=Status.DRAFT)
    OrganizationFactory(status=Status.ARCHIVED)
    assert list(Organization.objects.published()) == [live]


def test_a_service_is_public_only_while_its_organization_is():
    draft_org = OrganizationFactory(status=Status.DRAFT)
    hidden = ServiceFactory(organization=draft_org, status=Status.PUBLISHED)
    shown = ServiceFactory(status=Status.PUBLISHED)
    ServiceFactory(organization=shown.organization, status=Status.DRAFT)
    assert list(Service.objects.published()) == [shown]
    assert hidden not in Service.objects.published()


def test_serving_county_includes_statewide_services_and_excludes_other_counties():
    fresno, kern = county("fresno"), county("kern")
    local = ServiceFactory(counties_served=[fresno]).organization
    statewide = ServiceFactory(is_statewide=True).organization
    elsewhere = ServiceFactory(counties_served=[kern]).organization
    draft_service = ServiceFactory(counties_served=[fresno], status=Status.DRAFT).organization
    found = set(Organization.objects.published().serving_county(fresno))
    assert found == {local, statewide}
    assert elsewhere not in found
    assert draft_service not in found


def test_serving_county_lists_an_organization_once_even_with_many_matching_services():
    fresno = county("fresno")
    organization = OrganizationFactory()
    ServiceFactory(organization=organization, counties_served=[fresno])
    ServiceFactory(organization=organization, counties_served=[fresno], is_statewide=True)
    assert list(Organization.objects.serving_county(fresno)) == [organization]


def test_a_confidential_location_has_no_public_street_or_coordinates():
    location = LocationFactory(is_confidential=True)
    assert location.public_street == ""
    assert location.public_coordinates is None
    open_location = LocationFactory(address_1="1 Main St", address_2="Suite 4")
    assert open_location.public_street == "1 Main St, Suite 4"
    assert open_location.public_coordinates == (38.5804, -121.4922)


@pytest.mark.parametrize(
    "number", ["916-555-0142", "(916) 555-0142", "+1 916 555 0142", "911", "233733"]
)
def test_valid_phone_numbers_pass(number):
    validate_phone_number(number)


@pytest.mark.parametrize(
    "number", ["", "call us", "555-0142", "016-555-0142", "916-555-01423", "916;555"]
)
def test_invalid_phone_numbers_fail(number):
    with pytest.raises(ValidationError):
        validate_phone_number(number)


def test_phones_link_by_kind():
    voice = PhoneFactory(number="(916) 555-0142")
    text = PhoneFactory(number="233733", kind=Phone.Kind.TEXT)
    assert voice.uri == "tel:+19165550142"
    assert voice.display_number == "916-555-0142"
    assert text.uri == "sms:233733"
    assert format_phone("1 916 555 0142") == "916-555-0142"


def test_full_clean_rejects_coordinates_outside_california():
    location = LocationFactory.build(
        organization=OrganizationFactory(), latitude="47.6", longitude="-122.3"
    )
    with pytest.raises(ValidationError) as error:
        location.full_clean()
    assert "latitude" in error.value.message_dict


def test_every_record_gets_a_distinct_uuid():
    first, second = OrganizationFactory(), OrganizationFactory()
    assert first.uuid != second.uuid
    first.name = "Renamed"
    first.save()
    first.refresh_from_db()
    assert first.uuid != second.uuid
    assert Organization.objects.get(uuid=first.uuid) == first
