"""PDF uploads: refused with a clear form error and nothing stored, unless they are PDFs."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.publishing import Status
from resources.models import Resource
from resources.validators import MAX_PDF_BYTES, validate_pdf_upload
from tests.resources.factories import MINIMAL_PDF, ResourceFactory, category

pytestmark = pytest.mark.django_db

# What a Windows executable starts with ("MZ"), renamed to look like a PDF.
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 512
TWENTY_FIVE_MB = 25 * 1024 * 1024


def stored_files(media_root) -> list:
    return [path for path in media_root.rglob("*") if path.is_file()]


def add_resource(client, document, **fields):
    data = {
        "title_en": "Uploaded guide",
        "slug": "uploaded-guide",
        "category": category("research").pk,
        "status": Status.DRAFT,
        "summary_en": "A guide uploaded in a test.",
        "trafficking_type": "both",
        "document": document,
        **fields,
    }
    return client.post(reverse("admin:resources_resource_add"), data)


def form_errors(response) -> str:
    return " ".join(str(error) for error in response.context["adminform"].form.errors.values())


def test_an_executable_renamed_pdf_is_refused_with_nothing_stored(admin_client, media_root):
    response = add_resource(admin_client, SimpleUploadedFile("guide.pdf", EXE_BYTES))
    assert response.status_code == 200
    assert "not a PDF document" in form_errors(response)
    assert "not a PDF document" in response.content.decode()
    assert not Resource.objects.filter(slug="uploaded-guide").exists()
    assert stored_files(media_root) == []


def test_a_25_mb_file_is_refused_with_nothing_stored(admin_client, media_root):
    big = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n" + b"0" * TWENTY_FIVE_MB)
    response = add_resource(admin_client, big)
    assert response.status_code == 200
    errors = form_errors(response)
    assert "25.0\xa0MB" in errors
    assert "20.0\xa0MB" in errors
    assert not Resource.objects.filter(slug="uploaded-guide").exists()
    assert stored_files(media_root) == []


def test_an_empty_file_is_refused_with_nothing_stored(admin_client, media_root):
    response = add_resource(admin_client, SimpleUploadedFile("empty.pdf", b""))
    assert response.status_code == 200
    assert "empty" in form_errors(response)
    assert not Resource.objects.filter(slug="uploaded-guide").exists()
    assert stored_files(media_root) == []


def test_a_pdf_with_another_extension_is_refused(admin_client, media_root):
    response = add_resource(admin_client, SimpleUploadedFile("guide.exe", MINIMAL_PDF))
    assert response.status_code == 200
    assert ".pdf" in form_errors(response)
    assert stored_files(media_root) == []


def test_a_pdf_is_stored_under_a_generated_name(admin_client, media_root):
    upload = SimpleUploadedFile("Jane Doe's intake notes.PDF", MINIMAL_PDF)
    response = add_resource(admin_client, upload)
    assert response.status_code == 302, form_errors(response) if response.context else ""
    resource = Resource.objects.get(slug="uploaded-guide")
    assert re.fullmatch(r"resources/[0-9a-f]{32}\.pdf", resource.document.name)
    files = stored_files(media_root)
    assert len(files) == 1
    assert "Jane" not in files[0].name
    assert files[0].read_bytes() == MINIMAL_PDF


def test_two_uploads_of_the_same_file_get_different_names(admin_client, media_root):
    add_resource(admin_client, SimpleUploadedFile("same.pdf", MINIMAL_PDF))
    add_resource(
        admin_client, SimpleUploadedFile("same.pdf", MINIMAL_PDF), slug="second", title_en="Second"
    )
    names = set(Resource.objects.exclude(document="").values_list("document", flat=True))
    assert len(names) == 2


def test_editing_a_resource_keeps_its_stored_pdf(admin_client, media_root):
    resource = ResourceFactory(
        document=SimpleUploadedFile("x.pdf", MINIMAL_PDF), url="", status=Status.DRAFT
    )
    stored = resource.document.name
    data = {
        "title_en": "Renamed",
        "slug": resource.slug,
        "category": resource.category_id,
        "status": Status.DRAFT,
        "summary_en": resource.summary,
        "trafficking_type": "both",
    }
    response = admin_client.post(
        reverse("admin:resources_resource_change", args=[resource.pk]), data
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.title == "Renamed"
    assert resource.document.name == stored


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("guide.pdf", EXE_BYTES, "pdf_content"),
        ("guide.pdf", b"", "pdf_empty"),
        ("guide.pdf.exe", MINIMAL_PDF, "pdf_extension"),
        ("guide", MINIMAL_PDF, "pdf_extension"),
        ("guide.pdf", b"%PDF-1.4\n" + b"0" * MAX_PDF_BYTES, "pdf_too_large"),
        ("guide.pdf", b"<html><script>alert(1)</script></html>", "pdf_content"),
        ("guide.pdf", b" %PDF-1.4 starts late", "pdf_content"),
    ],
)
def test_the_validator_refuses(name, content, code):
    with pytest.raises(ValidationError) as raised:
        validate_pdf_upload(SimpleUploadedFile(name, content))
    assert raised.value.code == code


@pytest.mark.parametrize("name", ["guide.pdf", "GUIDE.PDF", "a.b.pdf"])
def test_the_validator_accepts_pdfs(name):
    validate_pdf_upload(SimpleUploadedFile(name, MINIMAL_PDF))


def test_a_pdf_of_exactly_20_mb_is_accepted():
    content = b"%PDF-1.4\n" + b"0" * (MAX_PDF_BYTES - 9)
    assert len(content) == MAX_PDF_BYTES
    validate_pdf_upload(SimpleUploadedFile("guide.pdf", content))


def test_the_body_limit_leaves_room_for_a_too_large_pdf_and_its_form(settings):
    """A PDF a little over MAX_PDF_BYTES must reach the form (its clear error, the
    form kept), not stop at core/limits.py or nginx with a bare 413."""
    form_overhead = 1024 * 1024
    assert settings.REQUEST_BODY_MAX_BYTES > TWENTY_FIVE_MB + form_overhead > MAX_PDF_BYTES
    proxy = (settings.BASE_DIR / "deploy" / "nginx" / "proxy.conf").read_text()
    megabytes = re.search(r"^client_max_body_size (\d+)m;", proxy, re.MULTILINE)
    assert megabytes, "deploy/nginx/proxy.conf sets client_max_body_size in megabytes"
    assert int(megabytes[1]) * 1024 * 1024 == settings.REQUEST_BODY_MAX_BYTES


def test_an_upload_over_the_body_limit_is_refused_unread(admin_client, media_root, settings):
    class Unreadable(io.RawIOBase):
        def read(self, *args):
            raise AssertionError("the body was read")

        readline = read

    response = admin_client.generic(
        "POST",
        reverse("admin:resources_resource_add"),
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(settings.REQUEST_BODY_MAX_BYTES + 1),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert stored_files(media_root) == []
