"""The verification contact never leaves the back office: no page, API or export shows it."""

import pytest
from django.urls import reverse

from tests.curation.test_spreadsheets import export_csv
from tests.factories import LocationFactory, OrganizationFactory, ServiceFactory, county

pytestmark = pytest.mark.django_db

CONTACT = "private-contact@harbor.example.org"


@pytest.fixture
def listing():
    organization = OrganizationFactory(
        name="Harbor Light", verification_email=CONTACT, verification_language="es"
    )
    ServiceFactory(organization=organization, counties_served=[county("fresno")])
    LocationFactory(organization=organization, county=county("fresno"))
    return organization


def test_public_pages_and_the_hsds_api_never_show_the_contact(client, listing):
    urls = [
        "/",
        listing.get_absolute_url(),
        "/es" + listing.get_absolute_url(),
        reverse("organizations:county", kwargs={"slug": "fresno"}),
        "/search/?q=Harbor",
        "/coverage/",
        "/sitemap.xml",
        reverse("hsds:organizations"),
        reverse("hsds:organization", kwargs={"id": str(listing.uuid)}),
        reverse("hsds:services"),
        reverse("hsds:service", kwargs={"id": str(listing.services.get().uuid)}),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Harbor" in body or url in ("/", "/coverage/", "/sitemap.xml"), url
        assert CONTACT not in body, url
        assert "verification_email" not in body, url
        assert "verification_language" not in body, url


def test_spreadsheet_exports_leave_the_contact_out(admin_client, listing):
    for model in ("organization", "location"):
        rows = export_csv(admin_client, model=model)
        assert rows, model
        for row in rows:
            assert CONTACT not in row.values(), model
            assert not [column for column in row if "verification" in column], model
