"""How the directory's conventions become HSDS fields."""

from datetime import date, time, timedelta

import pytest
from django.utils import timezone

from organizations.hsds import clock
from organizations.hsds.serializers import TIME_ZONE_NOTE, phone_data, schedule_data
from organizations.models import Phone
from tests.factories import PhoneFactory, ScheduleFactory, language

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [
        (time(9), time(17), ("09:00", "17:00", TIME_ZONE_NOTE)),
        (
            time(22),
            time(2),
            ("22:00", "02:00", f"Closes after midnight, on the next day. {TIME_ZONE_NOTE}"),
        ),
        (time(22), time(22), ("00:00", "23:59", f"Open 24 hours. {TIME_ZONE_NOTE}")),
    ],
    ids=["same-day", "past-midnight", "all-day"],
)
def test_opening_hours(opens, closes, expected):
    schedule = ScheduleFactory(weekday=7, opens_at=opens, closes_at=closes, note="Walk-ins")
    data = schedule_data(schedule, schedule.location)
    # HSDS reads a time without an offset as UTC: each carries California's of today.
    offset = clock.offset_text(timezone.localtime().utcoffset() or timedelta(0))
    opens_at, closes_at, description = expected
    assert (data["opens_at"], data["closes_at"], data["description"]) == (
        opens_at + offset,
        closes_at + offset,
        description,
    )
    assert data["timezone"] == {"-08:00": -8, "-07:00": -7}[offset]
    assert (data["freq"], data["byday"], data["notes"]) == ("WEEKLY", "SU", "Walk-ins")
    assert data["location_id"] == str(schedule.location.uuid)


@pytest.mark.parametrize(
    ("kind", "extension", "description", "expected"),
    [
        (Phone.Kind.VOICE, "", "", {"type": "voice"}),
        (Phone.Kind.HOTLINE, "", "", {"type": "voice", "description": "Hotline."}),
        (Phone.Kind.TEXT, "", "Text HELP", {"type": "text", "description": "Text HELP"}),
        (Phone.Kind.TTY, "", "", {"type": "textphone"}),
        (Phone.Kind.FAX, "12", "", {"type": "fax", "extension": 12}),
        (
            Phone.Kind.VOICE,
            "012",
            "Intake",
            {"type": "voice", "description": "Intake Extension 012."},
        ),
        (Phone.Kind.VOICE, "4B", "", {"type": "voice", "description": "Extension 4B."}),
    ],
)
def test_phones(kind, extension, description, expected):
    phone = PhoneFactory(
        number="(916) 555 0142", kind=kind, extension=extension, description=description
    )
    data = phone_data(phone, organization_id=phone.organization.uuid)
    assert data["number"] == "916-555-0142"
    shown = {key: data[key] for key in ("type", "extension", "description") if key in data}
    assert shown == expected
    assert data["organization_id"] == str(phone.organization.uuid)


def test_phone_languages_are_linked_to_the_phone():
    phone = PhoneFactory()
    phone.languages.set([language("es"), language("hmn")])
    languages = phone_data(phone)["languages"]
    assert [(lang["code"], lang["name"]) for lang in languages] == [
        ("es", "Spanish"),
        ("hmn", "Hmong"),
    ]
    assert {lang["phone_id"] for lang in languages} == {str(phone.uuid)}


def test_california_offsets_follow_daylight_saving_time():
    assert clock.offset_text(clock.offset_on(date(2026, 1, 15))) == "-08:00"
    assert clock.offset_text(clock.offset_on(date(2026, 7, 15))) == "-07:00"


@pytest.mark.parametrize(
    ("given", "offset_hours", "expected_utc_hour"),
    [
        (time(17, 0, tzinfo=timezone.get_fixed_timezone(0)), None, 17),
        (time(12, 0), None, 12),  # no offset and no timezone: UTC, as HSDS says
        (time(9, 0), -8, 17),
        (time(12, 0, tzinfo=timezone.get_fixed_timezone(-300)), 3, 17),  # its own offset wins
    ],
)
def test_a_partners_times_become_california_wall_clock(given, offset_hours, expected_utc_hour):
    local = clock.local_time(given, offset_hours)
    hours_from_utc = clock.hours(clock.offset_on())
    assert local.hour == (expected_utc_hour + hours_from_utc) % 24
