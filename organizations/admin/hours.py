"""Opening hours as a few lines of text, so a location's week is typed in one box.

    Mon-Fri 09:00-17:00
    Sat 10:00-14:00 (walk-ins only)
    Sun 24h

Days are English or Spanish names or their first letters (at least two);
times are 24-hour "17:00" or "5pm"; several ranges per day are separated by
commas; a note goes in brackets at the end. A bare hour such as "9-5" is
refused rather than guessed. Closing at or before opening runs past midnight,
as the Schedule model says; "24h" is open around the clock.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import time
from typing import cast

from django.core.exceptions import ValidationError
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _

from organizations.hours import DaySpan, day_span
from organizations.models import Schedule

_DAY_NAMES = {
    1: ("monday", "lunes"),
    2: ("tuesday", "martes"),
    3: ("wednesday", "weds", "miercoles"),
    4: ("thursday", "jueves"),
    5: ("friday", "viernes"),
    6: ("saturday", "sabado"),
    7: ("sunday", "domingo"),
}
_LINE = re.compile(r"^(?P<days>[^\d]+?)\s+(?P<times>\d.*?)\s*(?:\((?P<note>.*)\))?\s*$")
_CLOSED = re.compile(r"^(?P<days>[^\d(]+?)\s+(?:closed|cerrado)\s*$", re.IGNORECASE)
_ALL_DAY = re.compile(r"^24\s*(?:h|hours?|horas?)$", re.IGNORECASE)
_RANGE = re.compile(r"^(?P<opens>[^-]+?)\s*-\s*(?P<closes>[^-]+)$")
_TIME = re.compile(
    r"^(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>[ap])?\.?\s*(?:m\.?)?$", re.IGNORECASE
)
_MIDNIGHT = time(0, 0)
# A CharField's max_length, which the field's type allows to be None (it is 200).
NOTE_MAX_LENGTH = cast(int, Schedule._meta.get_field("note").max_length)


@dataclass(frozen=True, order=True)
class Opening:
    weekday: int
    opens_at: time
    closes_at: time
    note: str = ""


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower().rstrip("."))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _weekday(token: str, line_number: int) -> int:
    token = _plain(token)
    matches = {
        number
        for number, names in _DAY_NAMES.items()
        if len(token) >= 2 and any(name.startswith(token) for name in names)
    }
    if len(matches) != 1:
        raise ValidationError(
            _("Line %(line)d: “%(day)s” is not a day of the week."),
            params={"line": line_number, "day": token},
            code="invalid_day",
        )
    return matches.pop()


def _days(text: str, line_number: int) -> list[int]:
    days: list[int] = []
    text = re.sub(r"\s*-\s*", "-", text.strip())
    for part in re.split(r"\s*,\s*|\s+", text):
        if not part:
            continue
        ends = part.split("-")
        if len(ends) == 1:
            days.append(_weekday(ends[0], line_number))
        elif len(ends) == 2:
            first, last = (_weekday(end, line_number) for end in ends)
            # "Sat-Mon" wraps over the weekend.
            span = last - first if last >= first else last + 7 - first
            days.extend((first - 1 + step) % 7 + 1 for step in range(span + 1))
        else:
            raise ValidationError(
                _("Line %(line)d: write a range of days as “Mon-Fri”."),
                params={"line": line_number},
                code="invalid_day",
            )
    return days


def _time(text: str, line_number: int) -> time:
    match = _TIME.match(text.strip())
    if not match or (match["minute"] is None and match["half"] is None):
        raise ValidationError(
            _("Line %(line)d: “%(time)s” is not a clear time; write 17:00 or 5pm."),
            params={"line": line_number, "time": text.strip()},
            code="invalid_time",
        )
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if match["half"]:
        if not 1 <= hour <= 12:
            hour = -1
        elif match["half"].lower() == "p":
            hour = hour % 12 + 12
        else:
            hour = hour % 12
    if hour == 24 and minute == 0:
        return _MIDNIGHT
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValidationError(
            _("Line %(line)d: “%(time)s” is not a time of day."),
            params={"line": line_number, "time": text.strip()},
            code="invalid_time",
        )
    return time(hour, minute)


def parse_hours(text: str) -> list[Opening]:
    """The openings a curator typed, or a ValidationError naming each bad line."""
    openings: set[Opening] = set()
    errors = []
    for line_number, raw in enumerate((text or "").splitlines(), 1):
        # En dashes, as word processors write them, count as hyphens.
        line = raw.strip().replace("\u2013", "-")
        if not line:
            continue
        try:
            if closed := _CLOSED.match(line):
                _days(closed["days"], line_number)
                continue
            match = _LINE.match(line)
            if not match:
                raise ValidationError(
                    _("Line %(line)d: write the days, then the hours: “Mon-Fri 9:00-17:00”."),
                    params={"line": line_number},
                    code="invalid_line",
                )
            note = (match["note"] or "").strip()
            if len(note) > NOTE_MAX_LENGTH:
                raise ValidationError(
                    _("Line %(line)d: keep the note under %(max)d characters."),
                    params={"line": line_number, "max": NOTE_MAX_LENGTH},
                    code="note_too_long",
                )
            ranges = []
            for part in match["times"].split(","):
                if _ALL_DAY.match(part.strip()):
                    ranges.append((_MIDNIGHT, _MIDNIGHT))
                    continue
                bounds = _RANGE.match(part.strip())
                if not bounds:
                    raise ValidationError(
                        _("Line %(line)d: write hours as “9:00-17:00”."),
                        params={"line": line_number},
                        code="invalid_range",
                    )
                ranges.append(
                    (_time(bounds["opens"], line_number), _time(bounds["closes"], line_number))
                )
            for day in _days(match["days"], line_number):
                for opens_at, closes_at in ranges:
                    openings.add(Opening(day, opens_at, closes_at, note))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return sorted(openings)


def _range_text(opening: Opening) -> str:
    if day_span(opening.opens_at, opening.closes_at) is DaySpan.ALL_DAY:
        return "24h"
    return f"{opening.opens_at:%H:%M}-{opening.closes_at:%H:%M}"


def format_hours(schedules) -> str:
    """The text form of a location's schedules: consecutive equal days share a line."""
    by_day: dict[int, list[Opening]] = {}
    for schedule in schedules:
        by_day.setdefault(schedule.weekday, []).append(
            Opening(schedule.weekday, schedule.opens_at, schedule.closes_at, schedule.note)
        )
    week = [
        (day, tuple((o.opens_at, o.closes_at, o.note) for o in sorted(by_day[day])))
        for day in sorted(by_day)
    ]
    groups: list[list] = []
    for day, openings in week:
        if groups and groups[-1][1] == openings and groups[-1][0][-1] == day - 1:
            groups[-1][0].append(day)
        else:
            groups.append([[day], openings])
    lines = []
    for days, openings in groups:
        label = str(WEEKDAYS_ABBR[days[0] - 1])
        if len(days) > 1:
            label += "-" + str(WEEKDAYS_ABBR[days[-1] - 1])
        notes = {note for _opens, _closes, note in openings}
        rows = [openings] if len(notes) == 1 else [[opening] for opening in openings]
        for row in rows:
            ranges = ", ".join(_range_text(Opening(0, o, c)) for o, c, _note in row)
            note = row[0][2]
            lines.append(f"{label} {ranges}" + (f" ({note})" if note else ""))
    return "\n".join(lines)


def save_hours(location, openings: list[Opening]) -> None:
    """Make the location's schedules match, keeping unchanged rows (and their ids)."""
    wanted = {(o.weekday, o.opens_at, o.closes_at): o.note for o in openings}
    for schedule in location.schedules.all():
        key = (schedule.weekday, schedule.opens_at, schedule.closes_at)
        if key not in wanted:
            schedule.delete()
            continue
        note = wanted.pop(key)
        if schedule.note != note:
            schedule.note = note
            schedule.save(update_fields=["note"])
    for (weekday, opens_at, closes_at), note in sorted(wanted.items()):
        Schedule.objects.create(
            location=location, weekday=weekday, opens_at=opens_at, closes_at=closes_at, note=note
        )
