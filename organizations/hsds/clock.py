"""California's UTC offset, as HSDS 3.0 schedules state it.

HSDS reads a time without an offset as UTC, and gives a schedule a
`timezone` (hours from UTC). California's offset changes twice a year, so
each answer and export uses the offset in effect on the day it is made, and
says so; `local_time()` turns a partner's times back into California wall
clock the same way.
"""

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("America/Los_Angeles")


def offset_on(day: date | None = None) -> timedelta:
    moment = datetime.combine(day or datetime.now(ZONE).date(), time(12), ZONE)
    # An aware datetime always has an offset; `or` only tells the type checker.
    return moment.utcoffset() or timedelta(0)


def hours(offset: timedelta) -> int:
    return int(offset.total_seconds() // 3600)


def offset_text(offset: timedelta) -> str:
    """-08:00 for Pacific Standard Time."""
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02}:{minutes % 60:02}"


def with_offset(clock: str, offset: timedelta) -> str:
    return f"{clock}{offset_text(offset)}"


def local_time(moment: time, offset_hours: float | None = None) -> time:
    """A partner's time (with its own offset, or `offset_hours`, or else UTC)
    as California wall-clock time today."""
    zone = moment.tzinfo
    if zone is None:
        zone = UTC if offset_hours is None else timezone(timedelta(hours=offset_hours))
    today = datetime.now(ZONE).date()
    return datetime.combine(today, moment.replace(tzinfo=zone)).astimezone(ZONE).time()
