"""The import's bulk writer gives the same rows as the ORM's own calls."""

from datetime import time

import pytest

from organizations.hsds.imports import bulk_rows
from organizations.models import Schedule
from tests.factories import LocationFactory

pytestmark = pytest.mark.django_db


def test_built_rows_are_stored_as_the_orm_stores_them():
    location = LocationFactory()
    built = [
        bulk_rows.build(
            Schedule,
            location_id=location.pk,
            weekday=day,
            opens_at=time(9),
            closes_at=time(17),
            note="By appointment",
        )
        for day in (1, 2)
    ]
    assert built[0].uuid != built[1].uuid  # a callable default is made for each row

    bulk_rows.create(Schedule, built)

    stored = list(Schedule.objects.filter(location=location).order_by("weekday"))
    assert [s.pk for s in stored] == [s.pk for s in built]
    assert [(s.uuid, s.note, s.note_en, s.note_es) for s in stored] == [
        (s.uuid, "By appointment", "By appointment", "") for s in built
    ]


def test_updates_write_the_english_column_the_pages_read():
    location = LocationFactory(name="Office")
    location.name = "Front office"
    bulk_rows.update(type(location), [location], ["name"])
    location.refresh_from_db()
    assert (location.name, location.name_en) == ("Front office", "Front office")
