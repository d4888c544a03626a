"""The export costs a fixed number of queries per chunk, whatever the number of services."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organizations.hsds import export
from tests.factories import LocationFactory, OrganizationFactory, ScheduleFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def _queries() -> int:
    with CaptureQueriesContext(connection) as captured:
        list(export.service_records())
    return len(captured)


def _add_services(count: int) -> None:
    organization = OrganizationFactory()
    location = LocationFactory(organization=organization)
    ScheduleFactory(location=location)
    for _ in range(count):
        location.services.add(ServiceFactory(organization=organization))


def test_export_queries_do_not_grow_with_the_services(directory):
    _add_services(3)
    few = _queries()
    _add_services(40)
    assert _queries() == few
