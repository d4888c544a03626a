"""California ZIP codes, offline, from the `zipcodes` package's bundled data.

One index built on first use serves search ("near 95814"), the admin's
"fill from ZIP code" and the sample data.
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

import zipcodes

_ZIP = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")


@dataclass(frozen=True)
class ZipCode:
    code: str
    city: str
    county_name: str  # "Sacramento", without " County"
    latitude: Decimal
    longitude: Decimal


@cache
def california_zip_codes() -> dict[str, ZipCode]:
    index = {}
    for row in zipcodes.filter_by(state="CA"):
        county = row["county"].removesuffix(" County")
        if not (county and row["lat"] and row["long"]):
            continue
        index[row["zip_code"]] = ZipCode(
            code=row["zip_code"],
            city=row["city"],
            county_name=county,
            latitude=Decimal(row["lat"]),
            longitude=Decimal(row["long"]),
        )
    return index


def normalize_zip(value: str) -> str | None:
    """The five-digit form of a ZIP or ZIP+4, or None if it is not one."""
    match = _ZIP.match(value or "")
    return match.group(1) if match else None


def lookup_zip(value: str) -> ZipCode | None:
    """A California ZIP code's place, or None for anything else."""
    code = normalize_zip(value)
    if code is None:
        return None
    return california_zip_codes().get(code)


def zip_codes_in_county(county_name: str) -> list[ZipCode]:
    return [z for z in california_zip_codes().values() if z.county_name == county_name]
