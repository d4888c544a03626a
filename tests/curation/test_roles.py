"""manage.py setup_roles: what a curator and an editor-in-chief may do."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse

from core.publishing import Status
from organizations.models import Organization
from tests.factories import OrganizationFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_setup_roles_is_idempotent_and_repairs_drift(roles):
    curator = Group.objects.get(name="Curator")
    expected = set(curator.permissions.values_list("codename", flat=True))
    curator.permissions.add(Permission.objects.get(codename="delete_user"))
    output = StringIO()
    call_command("setup_roles", stdout=output)
    call_command("setup_roles", stdout=output)
    assert Group.objects.filter(name__in=["Curator", "Editor-in-chief"]).count() == 2
    assert set(curator.permissions.values_list("codename", flat=True)) == expected
    assert "Updated Curator" in output.getvalue()


def test_curator_permissions(curator):
    allowed = [
        "organizations.add_organization",
        "organizations.change_organization",
        "organizations.delete_phone",
        "organizations.delete_schedule",
        "organizations.change_suggestion",
        "core.view_county",
        "resources.change_resource",
        "resources.add_resource",
    ]
    refused = [
        "organizations.publish_organization",
        "organizations.delete_organization",
        "organizations.delete_suggestion",
        "organizations.change_servicetype",
        "core.change_county",
        "resources.publish_resource",
        "resources.delete_resource",
        "auth.view_user",
        "auth.change_user",
        "auth.add_group",
    ]
    for permission in allowed:
        assert curator.has_perm(permission), permission
    for permission in refused:
        assert not curator.has_perm(permission), permission


def test_editor_in_chief_permissions(editor):
    for permission in [
        "organizations.publish_organization",
        "organizations.delete_organization",
        "organizations.change_servicetype",
        "organizations.delete_suggestion",
        "resources.publish_resource",
        "resources.delete_resource",
        "organizations.change_organization",
    ]:
        assert editor.has_perm(permission), permission
    for permission in ["auth.change_user", "auth.add_user", "core.change_county"]:
        assert not editor.has_perm(permission), permission


def test_curators_edit_listings_in_the_admin_but_do_not_delete_them(curator_client):
    listing = OrganizationFactory()
    ServiceFactory(organization=listing)
    change = reverse("admin:organizations_organization_change", args=[listing.pk])
    page = curator_client.get(change)
    assert page.status_code == 200
    assert "deletelink" not in page.content.decode()
    delete = reverse("admin:organizations_organization_delete", args=[listing.pk])
    assert curator_client.post(delete, {"post": "yes"}).status_code == 403
    assert Organization.objects.filter(pk=listing.pk).exists()
    # Parts of a listing are edited away on its page; history keeps them.
    service_formset = page.context["inline_admin_formsets"][1].formset
    assert service_formset.can_delete


def test_curators_have_no_user_management(curator_client):
    assert curator_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert curator_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    index = curator_client.get(reverse("admin:index")).content.decode()
    assert "/admin/auth/user/" not in index


def test_editors_delete_listings(editor_client):
    listing = OrganizationFactory(status=Status.ARCHIVED)
    delete = reverse("admin:organizations_organization_delete", args=[listing.pk])
    response = editor_client.post(delete, {"post": "yes"})
    assert response.status_code == 302
    assert not Organization.objects.filter(pk=listing.pk).exists()


def test_the_listing_autocompletes_work_for_curators(curator_client):
    response = curator_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "fres",
            "app_label": "organizations",
            "model_name": "service",
            "field_name": "counties",
        },
    )
    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Fresno"]
