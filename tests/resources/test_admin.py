"""The curators' side: filters, search, the publishing workflow and the Markdown preview."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.publishing import Status
from resources.models import Category, Resource
from tests.resources.factories import MINIMAL_PDF, ResourceFactory, audience, category

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:resources_resource_changelist"
PREVIEW = "admin:resources_markdown_preview"


def test_the_changelist_filters_and_searches(admin_client):
    Resource.objects.all().delete()
    ResourceFactory(title="Zephyr farm training", for_audiences=[audience("employers")])
    ResourceFactory(title="Hidden draft", status=Status.DRAFT, category=category("research"))
    url = reverse(CHANGELIST)
    response = admin_client.get(url, {"status__exact": "draft"})
    assert response.status_code == 200
    assert [r.title for r in response.context["cl"].result_list] == ["Hidden draft"]
    response = admin_client.get(url, {"q": "zephyr farm"})
    assert [r.title for r in response.context["cl"].result_list] == ["Zephyr farm training"]
    response = admin_client.get(url, {"audiences__id__exact": audience("employers").pk})
    assert [r.title for r in response.context["cl"].result_list] == ["Zephyr farm training"]
    for parameter in ("category__id__exact", "trafficking_type__exact", "is_sample__exact"):
        assert parameter in response.content.decode()


def test_publish_and_archive_actions_record_history(admin_client):
    draft = ResourceFactory(status=Status.DRAFT)
    published = ResourceFactory(status=Status.PUBLISHED)
    url = reverse(CHANGELIST)
    response = admin_client.post(
        url, {"action": "publish", "_selected_action": [draft.pk, published.pk]}, follow=True
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.history.first().status == Status.PUBLISHED
    assert draft.history.first().history_user.is_superuser
    assert "1 resource published." in response.content.decode()

    admin_client.post(url, {"action": "archive", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.ARCHIVED
    assert draft.history.count() == 3


def test_the_six_categories_cannot_be_added_or_deleted(admin_client):
    trainings = category("trainings")
    assert admin_client.get(reverse("admin:resources_category_add")).status_code == 403
    delete = reverse("admin:resources_category_delete", args=[trainings.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Category.objects.count() == 6
    change = admin_client.get(reverse("admin:resources_category_change", args=[trainings.pk]))
    assert change.status_code == 200
    assert 'name="slug"' not in change.content.decode()


def test_a_curator_edits_a_category_introduction(admin_client):
    trainings = category("trainings")
    response = admin_client.post(
        reverse("admin:resources_category_change", args=[trainings.pk]),
        {
            "name": trainings.name,
            "name_es": trainings.name_es,
            "description": "Courses for **everyone**.",
            "description_es": "Cursos para **todos**.",
            "sort_order": trainings.sort_order,
        },
    )
    assert response.status_code == 302
    trainings.refresh_from_db()
    assert trainings.description == "Courses for **everyone**."
    assert trainings.slug == "trainings"


def test_a_resource_slug_may_not_be_a_library_address(admin_client):
    for slug in ("trainings", "legislation", "search"):
        response = admin_client.post(
            reverse("admin:resources_resource_add"),
            {
                "title_en": "Trainings",
                "slug": slug,
                "category": category("trainings").pk,
                "status": Status.DRAFT,
                "summary_en": "A summary.",
                "trafficking_type": "both",
                "url": "https://example.org",
            },
        )
        assert response.status_code == 200
        assert "address of a library page" in str(response.context["adminform"].form.errors)
    assert not Resource.objects.filter(title="Trainings").exists()


def test_a_resource_needs_a_link_a_pdf_or_a_body(admin_client):
    response = admin_client.post(
        reverse("admin:resources_resource_add"),
        {
            "title_en": "Empty",
            "slug": "empty",
            "category": category("trainings").pk,
            "status": Status.DRAFT,
            "summary_en": "A summary.",
            "trafficking_type": "both",
        },
    )
    assert response.status_code == 200
    assert "nothing to read" in response.content.decode()
    assert not Resource.objects.filter(slug="empty").exists()


def test_a_link_typed_without_a_scheme_becomes_https(admin_client):
    admin_client.post(
        reverse("admin:resources_resource_add"),
        {
            "title_en": "Typed link",
            "slug": "typed-link",
            "category": category("trainings").pk,
            "status": Status.DRAFT,
            "summary_en": "A summary.",
            "trafficking_type": "both",
            "url": "example.org/guide",
        },
    )
    assert Resource.objects.get(slug="typed-link").url == "https://example.org/guide"


def test_the_change_form_previews_the_saved_markdown(admin_client):
    resource = ResourceFactory(body="Read **this** <script>alert(1)</script>")
    response = admin_client.get(reverse("admin:resources_resource_change", args=[resource.pk]))
    body = response.content.decode()
    assert "<strong>this</strong>" in body
    assert "<script>alert(1)" not in body
    assert reverse(PREVIEW) in body
    assert "resources/admin/markdown-preview.js" in body


def test_the_preview_endpoint_renders_sanitised_html(admin_client):
    response = admin_client.post(
        reverse(PREVIEW), {"text": "# Title\n\n[x](javascript:alert(1)) <img onerror=alert(1)>"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert "<h2>Title</h2>" in html
    assert "javascript" not in html
    assert "onerror" not in html


def test_the_preview_endpoint_is_for_curators_only(client, admin_client):
    assert admin_client.get(reverse(PREVIEW)).status_code == 405
    anonymous = client.post(reverse(PREVIEW), {"text": "hi"})
    assert anonymous.status_code == 302
    assert "/login/" in anonymous["Location"]
    staff = User.objects.create_user("viewer", password="x" * 12, is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_resource"))
    client.force_login(staff)
    assert client.post(reverse(PREVIEW), {"text": "hi"}).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="change_resource"))
    staff = User.objects.get(pk=staff.pk)
    client.force_login(staff)
    assert client.post(reverse(PREVIEW), {"text": "hi"}).status_code == 200


def test_curators_without_the_publish_permission_cannot_publish(client):
    curator = User.objects.create_user("curator", password="x" * 12, is_staff=True)
    curator.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="resources",
            codename__in=["view_resource", "add_resource", "change_resource"],
        )
    )
    client.force_login(curator)
    draft = ResourceFactory(status=Status.DRAFT)
    client.post(reverse(CHANGELIST), {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    change = client.get(reverse("admin:resources_resource_change", args=[draft.pk]))
    assert change.status_code == 200
    assert 'name="status"' not in change.content.decode()


def test_curators_can_open_a_drafts_pdf_from_the_admin(admin_client, client, media_root):
    draft = ResourceFactory(
        status=Status.DRAFT, document=SimpleUploadedFile("draft.pdf", MINIMAL_PDF), url=""
    )
    document_url = reverse("admin:resources_resource_document", args=[draft.pk])
    change = admin_client.get(reverse("admin:resources_resource_change", args=[draft.pk]))
    assert f'href="{document_url}"' in change.content.decode()
    response = admin_client.get(document_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    # The public cannot, and the admin URL asks strangers to sign in.
    assert client.get(draft.get_download_url()).status_code == 404
    assert client.get(document_url).status_code == 302
    without = ResourceFactory()
    missing = reverse("admin:resources_resource_document", args=[without.pk])
    assert admin_client.get(missing).status_code == 404
