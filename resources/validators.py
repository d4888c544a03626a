"""Checks on what curators upload and on the slugs that share /resources/ with categories."""

from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from resources.choices import CategorySlug

MAX_PDF_BYTES = 20 * 1024 * 1024
# Every PDF starts with this header (ISO 32000-1, 7.5.2); an executable or an
# image renamed to .pdf does not.
PDF_MAGIC = b"%PDF-"

# /resources/<x>/ is a category page for these, so a resource may never use them.
RESERVED_SLUGS = frozenset(CategorySlug.values) | {"search"}


def validate_not_reserved(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is the address of a library page; choose another slug."),
            code="reserved_slug",
            params={"slug": slug},
        )


def validate_pdf_upload(upload) -> None:
    """Refuse anything but a non-empty PDF of at most 20 MB, judged by name and content.

    `upload` is a freshly uploaded file (Django's UploadedFile); files already
    stored were checked when they arrived.
    """
    if PurePath(upload.name or "").suffix.lower() != ".pdf":
        raise ValidationError(
            _("Only PDF files can be uploaded: the file name must end in .pdf."),
            code="pdf_extension",
        )
    if not upload.size:
        raise ValidationError(_("The file is empty."), code="pdf_empty")
    if upload.size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the largest PDF accepted is %(limit)s."),
            code="pdf_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_PDF_BYTES)},
        )
    upload.seek(0)
    header = upload.read(len(PDF_MAGIC))
    upload.seek(0)
    if header != PDF_MAGIC:
        raise ValidationError(
            _("This file is not a PDF document, whatever its name says. Save it as PDF and retry."),
            code="pdf_content",
        )
