"""The curators' resource form: upload checks and a Markdown editor with a preview."""

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.files.uploadedfile import UploadedFile
from django.db import models

from resources.markdown import render_markdown
from resources.models import Resource
from resources.validators import validate_pdf_upload


class MarkdownTextarea(forms.Textarea):
    """A textarea with the rendered text below it.

    The preview shows the saved text without JavaScript; with it, a button
    asks the admin's preview URL to render what is being typed.
    """

    template_name = "resources/widgets/markdown_textarea.html"

    class Media:
        css = {"all": ["resources/admin/markdown-preview.css"]}
        js = ["resources/admin/markdown-preview.js"]

    def __init__(self, preview_url: str = "", attrs=None):
        self.preview_url = preview_url
        super().__init__(attrs={"rows": 12, **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["preview_url"] = self.preview_url
        context["widget"]["preview_html"] = render_markdown(value or "")
        return context


class _StoredDocument:
    """The stored file as the file widget shows it, linked to the admin's own download."""

    def __init__(self, name: str, url: str):
        self.name = name
        self.url = url

    def __str__(self) -> str:
        return self.name


class AdminDocumentInput(AdminFileWidget):
    """The admin's file input, whose "Currently" link works for drafts too.

    Production serves nothing from MEDIA_ROOT, so the storage URL would lead
    nowhere; the admin download view checks the curator's permission instead.
    """

    download_url = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.download_url and self.is_initial(value):
            context["widget"]["value"] = _StoredDocument(value.name, self.download_url)
        return context


def https_formfield(db_field, **kwargs):
    # Django 6 makes https the default scheme for links typed without one; ask for it now.
    if isinstance(db_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return db_field.formfield(**kwargs)


class ResourceAdminForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = [
            "title",
            "slug",
            "category",
            "status",
            "is_featured",
            "is_sample",
            "summary",
            "body",
            "publisher",
            "published_on",
            "url",
            "document",
            "audiences",
            "trafficking_type",
            "languages",
            "counties",
            "organizations",
            "title_es",
            "summary_es",
            "body_es",
        ]
        widgets = {"audiences": forms.CheckboxSelectMultiple}
        formfield_callback = https_formfield

    def clean_document(self):
        document = self.cleaned_data.get("document")
        # Only a new upload is an UploadedFile; a kept file was checked on arrival.
        if isinstance(document, UploadedFile):
            validate_pdf_upload(document)
        return document
