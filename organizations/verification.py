"""How long a listing stays true: the days and cut-offs behind every freshness rule.

The QuerySet methods (`due_for_verification()`, `stale()`, the request cycle's
methods, `accepting_new_clients()`) and their instance properties read their
dates from here, so a page and a query never disagree about a day.
"""

import calendar
from datetime import date, timedelta

from django.conf import settings
from django.utils import timezone

# A listing not verified for this long is asked to confirm (settings.VERIFY_AFTER_DAYS).
DEFAULT_VERIFY_AFTER_DAYS = 180
# An unanswered request is followed by one reminder after this long...
REMIND_AFTER_DAYS = 14
# ...and, as long again after the reminder without an answer, the curators take over.
NO_ANSWER_AFTER_DAYS = 14
# A link in a request or reminder works this long, and for one answer only.
LINK_VALID_DAYS = 30
# A listing not verified for this long says so plainly and sorts after fresh ones.
STALE_AFTER_MONTHS = 18
# "Accepting new clients" not reconfirmed for this long becomes "call to ask".
INTAKE_STATUS_VALID_DAYS = 30


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (clamped to the month's end)."""
    index = day.year * 12 + day.month - 1 - months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def verify_after_days() -> int:
    return getattr(settings, "VERIFY_AFTER_DAYS", DEFAULT_VERIFY_AFTER_DAYS)


def verification_cutoff(today: date | None = None) -> date:
    """A listing last verified before this day is due for another check."""
    return (today or timezone.localdate()) - timedelta(days=verify_after_days())


def stale_cutoff(today: date | None = None) -> date:
    """A listing last verified before this day is stale."""
    return months_before(today or timezone.localdate(), STALE_AFTER_MONTHS)


def intake_cutoff(today: date | None = None) -> date:
    """An "accepting new clients" answer given before this day has lapsed."""
    return (today or timezone.localdate()) - timedelta(days=INTAKE_STATUS_VALID_DAYS)
