"""/coverage/: every county, counts equal to the database's, a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from core.models import County
from core.publishing import Status
from organizations.models import Service, ServiceType
from tests.factories import OrganizationFactory, ServiceFactory, county, service_type

pytestmark = pytest.mark.django_db


def make_services(count: int) -> None:
    shelter, legal = service_type("emergency-shelter"), service_type("legal-services")
    for index in range(count):
        ServiceFactory(
            types=[shelter if index % 2 else legal],
            counties_served=[county("fresno"), county("kern")] if index % 3 else [county("yolo")],
        )
    ServiceFactory(types=[legal], is_statewide=True)
    ServiceFactory(types=[legal], counties_served=[county("yolo")], status=Status.DRAFT)
    ServiceFactory(
        types=[legal],
        counties_served=[county("yolo")],
        organization=OrganizationFactory(status=Status.ARCHIVED),
    )


def expected_local(county_obj, service_type_obj=None) -> int:
    """Counted straight from the rows, not through the page's queries."""
    services = Service.objects.filter(
        status=Status.PUBLISHED,
        organization__status=Status.PUBLISHED,
        is_statewide=False,
        counties=county_obj,
    )
    if service_type_obj is not None:
        services = services.filter(service_types=service_type_obj)
    return services.distinct().count()


def table_rows(body: str, table_id: str) -> dict[str, list[str]]:
    table = body[body.index(f'id="{table_id}"') :]
    table = table[: table.index("</table>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S):
        header = re.search(r'<th scope="row">(?:<a [^>]*>)?(.*?)(?:</a>)?</th>', row)
        if header:
            rows[header.group(1)] = re.findall(r"<td[^>]*>(\d+)</td>", row)
    return rows


def test_every_county_with_counts_from_the_database(client):
    make_services(7)
    legal = service_type("legal-services")
    body = client.get(reverse("organizations:coverage") + "?type=legal-services").content.decode()
    chosen = table_rows(body, "coverage-chosen")
    assert len(chosen) == 58
    for county_obj in County.objects.all():
        local, statewide = chosen[county_obj.display_name]
        assert int(local) == expected_local(county_obj, legal), county_obj
        assert int(statewide) == 1
    everything = table_rows(body, "coverage-all")
    types = list(ServiceType.objects.order_by("sort_order", "name"))
    for county_obj in County.objects.all():
        assert [int(n) for n in everything[county_obj.display_name]] == [
            expected_local(county_obj, t) for t in types
        ]
    assert body.count('class="county-map__county') == 58
    assert expected_local(county("yolo"), legal) > 0


def test_the_query_count_does_not_grow_with_the_services(client):
    def queries(extra: int) -> int:
        make_services(extra)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("organizations:coverage")).status_code == 200
        return len(captured)

    few = queries(2)
    assert queries(30) == few
    # Types, two grouped local counts, statewide by type and in all, counties, plus
    # the page frame's own.
    assert few <= 8


def test_an_unknown_type_is_a_400_with_the_page(client):
    response = client.get(reverse("organizations:coverage") + "?type=nonsense")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_the_spanish_page(client):
    with translation.override("es"):
        url = reverse("organizations:coverage")
    assert url == "/es/coverage/"
    response = client.get(url)
    assert response.status_code == 200
    assert 'lang="es"' in response.content.decode()
