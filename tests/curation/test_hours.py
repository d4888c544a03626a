"""Opening hours typed as text on a location."""

from datetime import time

import pytest
from django.core.exceptions import ValidationError

from organizations.admin.hours import Opening, format_hours, parse_hours, save_hours
from organizations.models import Schedule
from tests.factories import LocationFactory, ScheduleFactory


def test_a_run_of_days_and_split_shifts():
    openings = parse_hours("Mon-Fri 9:00-12:00, 13:00-17:00\nSat 10am-2pm (walk-ins only)")
    assert len(openings) == 11
    assert Opening(1, time(9), time(12)) in openings
    assert Opening(5, time(13), time(17)) in openings
    assert Opening(6, time(10), time(14), "walk-ins only") in openings


def test_spanish_names_en_dashes_and_wrapping_day_ranges():
    openings = parse_hours("sáb\u2013lun 08:00\u201316:00")
    assert sorted({o.weekday for o in openings}) == [1, 6, 7]


def test_around_the_clock_closed_days_and_past_midnight():
    openings = parse_hours("Sun 24h\nSat closed\nFri 20:00-02:00")
    assert openings == [
        Opening(5, time(20), time(2)),
        Opening(7, time(0), time(0)),
    ]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Mon 9-5", "not a clear time"),
        ("Mon 25:00-26:00", "not a time of day"),
        ("Funday 9:00-17:00", "not a day of the week"),
        ("9:00-17:00", "write the days, then the hours"),
        ("Mon 13pm-2pm", "not a time of day"),
        ("Mon 9:00 to 17:00", "write hours as"),
    ],
)
def test_unclear_lines_are_refused_with_their_line_number(text, fragment):
    with pytest.raises(ValidationError) as caught:
        parse_hours("Tue 9:00-17:00\n" + text)
    messages = " ".join(caught.value.messages)
    assert "Line 2" in messages
    assert fragment in messages


def test_every_bad_line_is_reported_at_once():
    with pytest.raises(ValidationError) as caught:
        parse_hours("Mon 9-5\nTue 9:00-17:00\nBlursday 9:00-10:00")
    assert len(caught.value.messages) == 2


@pytest.mark.django_db
def test_format_then_parse_round_trips(reference_data):
    location = LocationFactory()
    for weekday in (1, 2, 3, 4, 5):
        ScheduleFactory(location=location, weekday=weekday, opens_at="09:00", closes_at="17:00")
    ScheduleFactory(location=location, weekday=6, opens_at="10:00", closes_at="12:00", note="call")
    ScheduleFactory(location=location, weekday=6, opens_at="13:00", closes_at="15:00", note="call")
    ScheduleFactory(location=location, weekday=7, opens_at="00:00", closes_at="00:00")
    text = format_hours(location.schedules.all())
    assert text == "Mon-Fri 09:00-17:00\nSat 10:00-12:00, 13:00-15:00 (call)\nSun 24h"
    assert parse_hours(text) == sorted(
        Opening(s.weekday, s.opens_at, s.closes_at, s.note) for s in location.schedules.all()
    )


@pytest.mark.django_db
def test_saving_keeps_unchanged_rows_and_their_ids(reference_data):
    location = LocationFactory()
    monday = ScheduleFactory(location=location, weekday=1)
    tuesday = ScheduleFactory(location=location, weekday=2)
    save_hours(location, parse_hours("Mon 09:00-17:00 (by appointment)\nWed 09:00-17:00"))
    schedules = {s.weekday: s for s in Schedule.objects.filter(location=location)}
    assert set(schedules) == {1, 3}
    assert schedules[1].uuid == monday.uuid
    assert schedules[1].note == "by appointment"
    assert not Schedule.objects.filter(pk=tuesday.pk).exists()
