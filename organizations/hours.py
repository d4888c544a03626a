"""Opening hours: "open now" in California time, whatever the server's clock says.

A schedule row whose closing time is at or before its opening time runs past
midnight into the next day; equal times mean open around the clock that day.
"""

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from django.utils import timezone

CALIFORNIA = ZoneInfo("America/Los_Angeles")


def california_now() -> datetime:
    return timezone.now().astimezone(CALIFORNIA)


class DaySpan(Enum):
    SAME_DAY = "same day"
    PAST_MIDNIGHT = "past midnight"
    ALL_DAY = "all day"


def day_span(opens_at: time, closes_at: time) -> DaySpan:
    """How a schedule row's two times read: the one place this rule is written."""
    if opens_at == closes_at:
        return DaySpan.ALL_DAY
    if closes_at < opens_at:
        return DaySpan.PAST_MIDNIGHT
    return DaySpan.SAME_DAY


def is_open_at(schedules: Iterable, moment: datetime) -> bool:
    """Whether any of `schedules` (Schedule rows) covers `moment`."""
    local = moment.astimezone(CALIFORNIA)
    today = local.isoweekday()
    yesterday = (local - timedelta(days=1)).isoweekday()
    now = local.time()
    for schedule in schedules:
        opens, closes = schedule.opens_at, schedule.closes_at
        match day_span(opens, closes):
            case DaySpan.ALL_DAY:
                if schedule.weekday == today:
                    return True
            case DaySpan.SAME_DAY:
                if schedule.weekday == today and opens <= now < closes:
                    return True
            case DaySpan.PAST_MIDNIGHT:
                # The evening part today, the small hours tomorrow.
                if schedule.weekday == today and now >= opens:
                    return True
                if schedule.weekday == yesterday and now < closes:
                    return True
    return False
