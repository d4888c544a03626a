"""Query parameters of the HSDS API, checked strictly.

Each endpoint takes the parameters the HSDS OpenAPI lists for it. A value
that is malformed, out of range, repeated, or meant for another endpoint is a
400 with a message saying what to send instead; a parameter HSDS does not
define at all (a cache-buster, a tracking tag) is ignored.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.http import QueryDict
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

from organizations.hsds.pagination import DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE
from organizations.zip_codes import normalize_zip

MAX_SEARCH_LENGTH = 200


class ParameterError(ValueError):
    """A query parameter the API cannot honour; the message goes to the client."""


@dataclass(frozen=True)
class ListParams:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    search: str = ""
    full: bool = False
    full_service: bool = False
    modified_after: datetime | None = None
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    parent_id: uuid.UUID | None = None
    top_only: bool = False
    postcode: str = ""
    minimal: bool = False
    # format=ndjson: every record, one a line, without pages.
    ndjson: bool = False
    proximity: "Proximity | None" = None


@dataclass(frozen=True)
class Proximity:
    """Within `meters` of a point: the one given, or else the postcode's centre."""

    meters: float
    latitude: float | None = None
    longitude: float | None = None


def _whole_number(highest: int):
    def parse(name: str, raw: str) -> int:
        # isdigit() alone would let through other scripts' digits and "²".
        if not (raw.isascii() and raw.isdigit() and len(raw) <= 9 and 1 <= int(raw) <= highest):
            raise ParameterError(f"{name} must be a whole number from 1 to {highest}.")
        return int(raw)

    return parse


def _boolean(name: str, raw: str) -> bool:
    value = raw.lower()
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise ParameterError(f"{name} must be true or false.")


def _uuid(name: str, raw: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise ParameterError(
            f"{name} must be a UUID, such as 3f7b145d-84af-42d7-8fae-eaca714b02b2."
        ) from None


def _search(name: str, raw: str) -> str:
    text = raw.strip()
    if len(text) > MAX_SEARCH_LENGTH:
        raise ParameterError(f"{name} must be at most {MAX_SEARCH_LENGTH} characters long.")
    return text


def _moment(name: str, raw: str) -> datetime:
    message = f"{name} must be an ISO 8601 date or date-time, such as 2025-01-31T09:00:00Z."
    try:
        moment = parse_datetime(raw.strip())
    except ValueError:
        raise ParameterError(message) from None
    if moment is None:
        raise ParameterError(message)
    if is_naive(moment):
        # A bare date or time is California time, like everything else here.
        moment = make_aware(moment)
    try:
        moment.astimezone(UTC)
    except OverflowError:
        raise ParameterError(f"{name} is out of range.") from None
    return moment


def _postcode(name: str, raw: str) -> str:
    code = normalize_zip(raw)
    if code is None:
        raise ParameterError(f"{name} must be a five-digit ZIP code.")
    return code


def _format(name: str, raw: str) -> bool:
    if raw not in ("json", "ndjson"):
        raise ParameterError(f"{name} must be json or ndjson.")
    return raw == "ndjson"


MAX_METERS = 1_000_000


def _number(text: str, low: float, high: float) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    # float() also reads "nan" and "inf", which no comparison lets through.
    return value if low <= value <= high else None


def _proximity(name: str, raw: str) -> Proximity:
    message = (
        f"{name} must be a distance in meters (up to {MAX_METERS:,}) from the postcode's "
        "centre, or latitude,longitude,meters such as 38.58,-121.49,5000."
    )
    parts = raw.split(",")
    if len(parts) not in (1, 3):
        raise ParameterError(message)
    meters = _number(parts[-1], 1, MAX_METERS)
    if meters is None:
        raise ParameterError(message)
    if len(parts) == 1:
        return Proximity(meters)
    latitude, longitude = _number(parts[0], -90, 90), _number(parts[1], -180, 180)
    if latitude is None or longitude is None:
        raise ParameterError(message)
    return Proximity(meters, latitude, longitude)


PARSERS = {
    "page": _whole_number(MAX_PAGE),
    "per_page": _whole_number(MAX_PER_PAGE),
    "search": _search,
    "full": _boolean,
    "full_service": _boolean,
    "modified_after": _moment,
    "taxonomy_term_id": _uuid,
    "taxonomy_id": _uuid,
    "organization_id": _uuid,
    "parent_id": _uuid,
    "top_only": _boolean,
    "postcode": _postcode,
    "format": _format,
    "minimal": _boolean,
    "proximity": _proximity,
}
# Query parameter -> ListParams field, where they differ.
FIELD_NAMES = {"format": "ndjson"}


def parse(query: QueryDict, accepted: frozenset[str], **fixed) -> ListParams:
    """The parameters in `query` that the endpoint `accepted`; `fixed` ones win."""
    values = {}
    for name in query:
        if name not in PARSERS:
            continue
        if name not in accepted:
            raise ParameterError(f"{name} is not a parameter of this endpoint.")
        raws = query.getlist(name)
        if len(raws) > 1:
            raise ParameterError(f"{name} must be given only once.")
        if "\x00" in raws[0]:
            raise ParameterError(f"{name} must not contain NUL characters.")
        values[FIELD_NAMES.get(name, name)] = PARSERS[name](name, raws[0])
    proximity = values.get("proximity")
    if proximity is not None and proximity.latitude is None and "postcode" not in values:
        raise ParameterError("proximity in meters needs a postcode to measure from.")
    return ListParams(**(values | fixed))
