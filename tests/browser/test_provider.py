"""A provider answers its verification link in Spanish; a curator accepts the new hours."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from organizations.models import VerificationRequest
from organizations.providers.links import make_token
from tests.browser.accessibility import assert_accessible
from tests.browser.back_office import sign_in, staff_with_role
from tests.factories import LocationFactory, OrganizationFactory, ScheduleFactory, ServiceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def curator(reference_data):
    return staff_with_role("carmen", "Curator")


@pytest.fixture
def spanish_link(reference_data):
    organization = OrganizationFactory(
        name="Casa Esperanza", slug="casa-esperanza", verification_language="es"
    )
    ServiceFactory(organization=organization, name="Albergue")
    office = LocationFactory(organization=organization, name="Oficina")
    ScheduleFactory(location=office)
    request = VerificationRequest.objects.create(
        organization=organization, email="contacto@casa.example", language="es"
    )
    with translation.override("es"):
        path = reverse("providers:listing", kwargs={"token": make_token(request)})
    return organization, office, path


def test_spanish_provider_proposes_new_hours_and_a_curator_accepts(
    page_factory, spanish_link, curator
):
    organization, office, path = spanish_link
    # axe runs as a script, so on a page with JavaScript; opening the link uses nothing up.
    checked = page_factory()
    checked.goto(path)
    expect(checked.locator("html")).to_have_attribute("lang", "es")
    assert_accessible(checked)
    # The provider walks the page without JavaScript: it is plain HTML forms.
    provider = page_factory(javascript=False)
    provider.goto(path)
    expect(provider.get_by_role("button", name="Todo sigue siendo correcto")).to_be_visible()
    hours = provider.get_by_label("Horario", exact=True)
    hours.fill("Lun-Vie 10:00-18:00")
    provider.get_by_role("button", name="Enviar los cambios al equipo").click()
    provider.wait_for_url("**/es/verify/thanks/")
    expect(provider.locator("h1")).to_have_text("Gracias")

    curator_page = page_factory()
    sign_in(curator_page, curator)
    curator_page.goto("/admin/organizations/proposal/?state=open")
    curator_page.get_by_role("link", name="Casa Esperanza").click()
    row = curator_page.locator("tr", has_text="Opening hours")
    expect(row).to_contain_text("Mon-Fri 10:00-18:00")
    row.get_by_label("Accept").check()
    curator_page.get_by_role("button", name="Save decisions").click()
    expect(curator_page.locator(".messagelist .success")).to_contain_text("1 change decided.")

    public = page_factory()
    public.goto(organization.get_absolute_url())
    expect(public.locator(".organization")).to_contain_text("Confirmed by the organization on")
    expect(public.locator(".organization")).to_contain_text(re.compile(r"10(:00)?\s*a\.m\."))
    assert office.schedules.count() == 5
