from typing import cast

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST, require_safe
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin_workflow import WorkflowAdminMixin
from core.translation import in_every_language
from resources.forms import AdminDocumentInput, MarkdownTextarea, ResourceAdminForm
from resources.markdown import render_markdown
from resources.models import Audience, Category, CategoryQuerySet, Resource
from resources.views import pdf_download

# Far beyond any real page; stops the preview endpoint being used to burn CPU.
PREVIEW_MAX_CHARS = 100_000


def markdown_widget() -> MarkdownTextarea:
    return MarkdownTextarea(preview_url=reverse("admin:resources_markdown_preview"))


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    """The six categories are fixed (their slugs are URLs); only their wording is edited."""

    list_display = ["name", "name_es", "published_count", "sort_order"]
    fields = ["name", "name_es", "slug", "description", "description_es", "sort_order"]
    readonly_fields = ["slug"]
    search_fields = ["name", "name_es"]

    def get_queryset(self, request):
        # ModelAdmin is not generic at run time, so the checker cannot know it is Category's.
        return cast(CategoryQuerySet, super().get_queryset(request)).with_published_counts()

    @admin.display(description=_("published resources"), ordering="published_count")
    def published_count(self, category):
        return category.published_count

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in {"description", "description_es"}:
            kwargs["widget"] = markdown_widget()
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Audience)
class AudienceAdmin(admin.ModelAdmin):
    list_display = ["name", "name_es", "sort_order"]
    search_fields = ["name", "name_es"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Resource)
class ResourceAdmin(WorkflowAdminMixin, TranslationAdmin, SimpleHistoryAdmin):
    """Curators write; editors with the publish permission publish and archive."""

    form = ResourceAdminForm
    list_display = [
        "title",
        "category",
        "status",
        "published_on",
        "is_featured",
        "is_sample",
        "updated_at",
    ]
    list_filter = [
        "status",
        "category",
        "audiences",
        "trafficking_type",
        "languages",
        "is_featured",
        "is_sample",
    ]
    list_select_related = ["category"]
    search_fields = [
        *in_every_language("title"),
        "slug",
        *in_every_language("summary"),
        "publisher",
    ]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["counties", "organizations"]
    filter_horizontal = ["languages"]
    readonly_fields = ["uuid", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "status", "is_featured", "is_sample"]}),
        (_("Content"), {"fields": ["summary", "body", "publisher", "published_on"]}),
        (_("Where to find it"), {"fields": ["url", "document"]}),
        (
            _("Who it is for"),
            {"fields": ["audiences", "trafficking_type", "languages", "counties", "organizations"]},
        ),
        (_("Record"), {"fields": ["uuid", "created_at", "updated_at"]}),
    ]
    # Django 6 makes https the default scheme; ask for it now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["publish", "archive"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in {"body", *in_every_language("body")}:
            kwargs["widget"] = markdown_widget()
        if db_field.name == "document":
            kwargs["widget"] = AdminDocumentInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        document = form.base_fields.get("document")
        if obj is not None and obj.document and document is not None:
            document.widget.download_url = reverse(
                "admin:resources_resource_document", args=[obj.pk]
            )
        return form

    def get_urls(self):
        preview = self.admin_site.admin_view(require_POST(self.markdown_preview))
        document = self.admin_site.admin_view(require_safe(self.document_view))
        return [
            path("markdown-preview/", preview, name="resources_markdown_preview"),
            path("<path:object_id>/document/", document, name="resources_resource_document"),
            *super().get_urls(),
        ]

    def document_view(self, request, object_id):
        """A resource's PDF for curators, whatever its status."""
        resource = self.get_object(request, unquote(object_id))
        if resource is None or not resource.document:
            raise Http404
        if not self.has_view_permission(request, resource):
            raise PermissionDenied
        return pdf_download(resource)

    def markdown_preview(self, request):
        """The HTML a Markdown text becomes on the public site, for the editor's preview."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        text = request.POST.get("text", "")[:PREVIEW_MAX_CHARS]
        return HttpResponse(render_markdown(text), content_type="text/html; charset=utf-8")
