"""The sample directory's bulk path: rows written by COPY (PostgreSQL) or
bulk_create (elsewhere) read back as the ORM would have written them."""

import pytest
from django.db import connection
from django.utils import translation

from organizations.models import Organization, Schedule, Service, ServiceAtLocation
from organizations.sample_copy import ID_BLOCK, IdBlock
from organizations.sample_data import SampleDirectory

pytestmark = pytest.mark.django_db


def test_rows_link_up_and_translated_columns_hold_the_default_language():
    # Built while Spanish is active: the untranslated columns must still be English.
    with translation.override("es"):
        SampleDirectory(count=12, seed=5).build()
    services = Service.objects.filter(organization__is_sample=True)
    assert services.count() >= 12
    for service in services:
        assert service.organization.is_sample
        assert service.__dict__["name"] == service.name_en
        assert service.service_types.count() == 1
        assert service.languages.filter(code="en").exists()
        assert service.is_statewide or service.counties.exists()
    assert len(set(services.values_list("uuid", flat=True))) == services.count()
    friday = Schedule.objects.filter(note_en="Late drop-in").first()
    if friday is not None:
        assert friday.note == "Late drop-in"
        assert friday.note_es == "Horario nocturno sin cita"
    assert ServiceAtLocation.objects.filter(service__in=services).exists()
    assert all(o.created_at and o.updated_at for o in Organization.objects.filter(is_sample=True))


def test_a_rebuild_leaves_no_history_of_the_sample_rows_it_deleted():
    SampleDirectory(count=6, seed=1).build()
    SampleDirectory(count=6, seed=1).build()
    assert Organization.objects.count() == 6
    assert Service.objects.exclude(organization__in=Organization.objects.all()).count() == 0
    assert not Organization.history.filter(history_type="-").exists()
    assert not Service.history.filter(history_type="-").exists()


def test_ids_taken_in_blocks_never_repeat_and_follow_existing_rows():
    SampleDirectory(count=3, seed=2).build()
    largest = Organization.objects.order_by("-pk").values_list("pk", flat=True).first()
    block = IdBlock(Organization)
    ids = [block.next() for _ in range(ID_BLOCK + 5)]
    assert len(set(ids)) == len(ids)
    assert min(ids) > largest
    if connection.vendor == "postgresql":
        # Another writer's next id comes after the ones handed out.
        assert Organization.objects.create(name="x", slug="x", description="x").pk > max(ids)
