import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import LocationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_admin_starts_without_gdal_and_without_leaflet_admin():
    import sys

    assert "leaflet.admin" not in sys.modules
    assert "leaflet.forms" not in sys.modules
    registered = {model._meta.label for model in admin.site._registry}
    assert {"auth.User", "auth.Group", "organizations.Organization"} <= registered


def test_every_admin_changelist_and_add_page_opens(admin_client):
    service = ServiceFactory()
    LocationFactory(organization=service.organization)
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        response = admin_client.get(reverse("admin:{}_{}_changelist".format(*info)))
        assert response.status_code == 200, info
    response = admin_client.get(
        reverse("admin:organizations_organization_change", args=[service.organization.pk])
    )
    assert response.status_code == 200
