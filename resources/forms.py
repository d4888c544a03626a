"""The curators' resource form: upload checks and a Markdown editor with a preview."""

from django import forms
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
