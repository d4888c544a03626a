"""When a listing is due for another check by a curator."""

import calendar
from datetime import date

from django.utils import timezone

# A listing not verified for this long is due for a call.
REVERIFY_AFTER_MONTHS = 12


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 - months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def reverify_cutoff(today: date | None = None) -> date:
    """A listing last verified before this day is due for another check."""
    return months_before(today or timezone.localdate(), REVERIFY_AFTER_MONTHS)
