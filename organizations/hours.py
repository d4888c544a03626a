"""Opening hours: "open now" in California time, whatever the server's clock says.

A schedule row whose closing time is at or before its opening time runs past
midnight into the next day; equal times mean open around the clock that day.
"""

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

CALIFORNIA = ZoneInfo("America/Los_Angeles")


def california_now() -> datetime:
    return timezone.now().astimezone(CALIFORNIA)


def is_open_at(schedules: Iterable, moment: datetime) -> bool:
    """Whether any of `schedules` (Schedule rows) covers `moment`."""
    local = moment.astimezone(CALIFORNIA)
    today = local.isoweekday()
    yesterday = (local - timedelta(days=1)).isoweekday()
    now = local.time()
    for schedule in schedules:
        opens, closes = schedule.opens_at, schedule.closes_at
        if opens == closes:
            if schedule.weekday == today:
                return True
        elif opens < closes:
            if schedule.weekday == today and opens <= now < closes:
                return True
        else:
            # Past midnight: the evening part today, the small hours tomorrow.
            if schedule.weekday == today and now >= opens:
                return True
            if schedule.weekday == yesterday and now < closes:
                return True
    return False


def runs_past_midnight(opens_at: time, closes_at: time) -> bool:
    return closes_at < opens_at


def open_all_day(opens_at: time, closes_at: time) -> bool:
    return opens_at == closes_at
