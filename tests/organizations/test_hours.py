"""'Open now' in California time, with overnight and round-the-clock hours."""

from datetime import UTC, datetime, time
from types import SimpleNamespace

import pytest

from organizations.hours import CALIFORNIA, is_open_at

MONDAY, FRIDAY, SATURDAY = 1, 5, 6


def hours(weekday, opens, closes):
    return SimpleNamespace(weekday=weekday, opens_at=time(*opens), closes_at=time(*closes))


def california(day, hour, minute=0):
    # 2025-06-02 is a Monday.
    return datetime(2025, 6, day, hour, minute, tzinfo=CALIFORNIA)


OFFICE = [hours(MONDAY, (9,), (17,))]
LATE_FRIDAY = [hours(FRIDAY, (20,), (2,))]
ALL_DAY_SATURDAY = [hours(SATURDAY, (0,), (0,))]


@pytest.mark.parametrize(
    ("schedules", "moment", "expected"),
    [
        (OFFICE, california(2, 9), True),
        (OFFICE, california(2, 16, 59), True),
        (OFFICE, california(2, 17), False),
        (OFFICE, california(2, 8, 59), False),
        (OFFICE, california(3, 10), False),  # Tuesday
        (LATE_FRIDAY, california(6, 21), True),  # Friday evening
        (LATE_FRIDAY, california(7, 1, 30), True),  # small hours of Saturday
        (LATE_FRIDAY, california(7, 2), False),
        (LATE_FRIDAY, california(6, 19), False),
        (LATE_FRIDAY, california(5, 1), False),  # Friday's small hours belong to Thursday
        (ALL_DAY_SATURDAY, california(7, 3), True),
        (ALL_DAY_SATURDAY, california(8, 3), False),
        ([], california(2, 12), False),
    ],
)
def test_open_at(schedules, moment, expected):
    assert is_open_at(schedules, moment) is expected


def test_the_time_zone_is_california_whatever_the_moment_says():
    # 16:30 UTC on a June Monday is 09:30 in California: open.
    assert is_open_at(OFFICE, datetime(2025, 6, 2, 16, 30, tzinfo=UTC)) is True
    # 01:00 UTC on Tuesday is still Monday 18:00 in California: closed.
    assert is_open_at(OFFICE, datetime(2025, 6, 3, 1, 0, tzinfo=UTC)) is False
    # ... and 23:30 UTC Monday is 16:30 Monday in California: open.
    assert is_open_at(OFFICE, datetime(2025, 6, 2, 23, 30, tzinfo=UTC)) is True
