"""The review queue for corrections visitors suggest."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from organizations.models import Suggestion


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["summary", "organization", "status", "created_at", "reviewed_by"]
    list_filter = ["status", "created_at"]
    list_select_related = ["organization", "reviewed_by"]
    search_fields = ["message", "contact", "organization__name"]
    date_hierarchy = "created_at"
    actions = ["accept", "reject"]
    fieldsets = [
        (None, {"fields": ["organization_links", "created_at", "message", "contact"]}),
        (_("Review"), {"fields": ["status", "curator_notes", "reviewed_by", "reviewed_at"]}),
    ]
    readonly_fields = [
        "organization_links",
        "created_at",
        "message",
        "contact",
        "reviewed_by",
        "reviewed_at",
    ]

    def has_add_permission(self, request):
        # Suggestions come from the public form only.
        return False

    @admin.display(description=_("what is wrong"))
    def summary(self, suggestion):
        return Truncator(suggestion.message).chars(80)

    @admin.display(description=_("organization"))
    def organization_links(self, suggestion):
        organization = suggestion.organization
        edit = reverse("admin:organizations_organization_change", args=[organization.pk])
        if not organization.is_published:
            return format_html('<a href="{}">{}</a>', edit, organization)
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            edit,
            organization,
            organization.get_absolute_url(),
            _("public page"),
        )

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            self._mark_reviewed(request, obj)
        super().save_model(request, obj, form, change)

    def _mark_reviewed(self, request, suggestion):
        if suggestion.status == Suggestion.Status.NEW:
            suggestion.reviewed_by, suggestion.reviewed_at = None, None
        else:
            suggestion.reviewed_by, suggestion.reviewed_at = request.user, timezone.now()

    def _review(self, request, queryset, status, message):
        suggestions = list(queryset.exclude(status=status))
        for suggestion in suggestions:
            suggestion.status = status
            self._mark_reviewed(request, suggestion)
            suggestion.save(update_fields=["status", "reviewed_by", "reviewed_at"])
        self.message_user(request, message % {"count": len(suggestions)}, messages.SUCCESS)

    @admin.action(permissions=["change"], description=_("Mark selected suggestions accepted"))
    def accept(self, request, queryset):
        self._review(
            request, queryset, Suggestion.Status.ACCEPTED, _("%(count)d suggestions accepted.")
        )

    @admin.action(permissions=["change"], description=_("Mark selected suggestions rejected"))
    def reject(self, request, queryset):
        self._review(
            request, queryset, Suggestion.Status.REJECTED, _("%(count)d suggestions rejected.")
        )
