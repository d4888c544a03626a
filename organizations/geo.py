"""Distances without GeoDjango: a haversine expression that PostgreSQL and SQLite both run."""

from django.db.models import F, FloatField, Value
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt

EARTH_RADIUS_MILES = 3958.8


def miles_from(latitude: float, longitude: float, prefix: str = ""):
    """Great-circle miles from a point to the `latitude`/`longitude` of each row."""
    row_latitude = Radians(Cast(F(f"{prefix}latitude"), FloatField()))
    row_longitude = Radians(Cast(F(f"{prefix}longitude"), FloatField()))
    origin_latitude = Radians(Value(float(latitude)))
    origin_longitude = Radians(Value(float(longitude)))
    half_chord = Power(Sin((row_latitude - origin_latitude) / 2), 2) + Cos(origin_latitude) * Cos(
        row_latitude
    ) * Power(Sin((row_longitude - origin_longitude) / 2), 2)
    return Value(2 * EARTH_RADIUS_MILES) * ASin(Sqrt(half_chord))
