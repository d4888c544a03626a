"""The publishing workflow in the admin, shared by listings and resources.

Draft -> published -> archived. Changing what the public sees (publishing or
archiving) needs the model's `publish_<model>` permission; curators without it
edit content but cannot change a record's status, not even by reverting to an
old version. Every write goes through `save(update_fields=...)`, so the change
lands in the record's history with who made it and any cache-invalidating
signal handler runs.
"""

from typing import TYPE_CHECKING

from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.publishing import Status


def publish_permission(model) -> str:
    opts = model._meta
    return f"{opts.app_label}.publish_{opts.model_name}"


# The mixin is only ever mixed into a ModelAdmin: the type checker sees it as one, so that
# `self.model`, `message_user()` and the super() calls it overrides are known.
if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin
else:
    _ModelAdmin = object


class WorkflowAdminMixin(_ModelAdmin):
    """Bulk actions and status protection for a model with `status` (and verification)."""

    actions = ["publish", "archive", "mark_verified_today"]

    @property
    def tracks_verification(self) -> bool:
        field_names = {field.name for field in self.model._meta.get_fields()}
        return {"last_verified_on", "verified_by"} <= field_names

    @property
    def records_who_verified(self) -> bool:
        """Whether a verification is told apart as a curator's or the organization's."""
        return any(field.name == "verified_via" for field in self.model._meta.fields)

    def has_publish_permission(self, request, obj=None) -> bool:
        return request.user.has_perm(publish_permission(self.model))

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self.tracks_verification:
            actions.pop("mark_verified_today", None)
        return actions

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request, obj) and "status" not in readonly:
            readonly.append("status")
        return readonly

    def save_model(self, request, obj, form, change):
        if not self.has_publish_permission(request, obj):
            # The form cannot change the status, but a revert from history
            # (or re-creating a deleted record from it) saves an old copy
            # whole: keep the status the record has now, or draft.
            stored = (
                type(obj)._default_manager.filter(pk=obj.pk).values_list("status", flat=True)
                if obj.pk
                else []
            )
            obj.status = next(iter(stored), Status.DRAFT)
        if self.tracks_verification:
            if "_verify" in request.POST:
                obj.last_verified_on = timezone.localdate()
            if "_verify" in request.POST or "last_verified_on" in form.changed_data:
                obj.verified_by = request.user if obj.last_verified_on else None
                if self.records_who_verified:
                    obj.verified_via = "curator" if obj.last_verified_on else ""
        super().save_model(request, obj, form, change)

    def response_change(self, request, obj):
        if "_verify" in request.POST and self.tracks_verification:
            self.message_user(
                request,
                _("Saved and marked “%(name)s” as verified today.") % {"name": obj},
                messages.SUCCESS,
            )
            # Stay on the page, like "Save and continue editing".
            return HttpResponseRedirect(request.get_full_path())
        return super().response_change(request, obj)

    def _save_each(self, request, objects, fields, reason) -> int:
        """Save each object's changed fields with history; return how many."""
        update_fields = list(fields)
        if any(field.name == "updated_at" for field in self.model._meta.fields):
            update_fields.append("updated_at")
        with transaction.atomic():
            for obj in objects:
                obj._history_user = request.user
                obj._change_reason = reason
                obj.save(update_fields=update_fields)
        return len(objects)

    def _selected(self, queryset):
        # The changelist queryset may be DISTINCT (filters across relations);
        # re-select by primary key so that the rows can be saved plainly.
        return self.model._default_manager.filter(
            pk__in=list(queryset.values_list("pk", flat=True))
        )

    def _set_status(self, request, queryset, status, done_message, reason):
        selected = self._selected(queryset)
        objects = list(selected.exclude(status=status))
        for obj in objects:
            obj.status = status
        count = self._save_each(request, objects, ["status"], str(reason))
        self.message_user(
            request,
            done_message % {"count": count, "items": model_ngettext(self.model._meta, count)},
            messages.SUCCESS,
        )
        unchanged = selected.count() - count
        if unchanged:
            self.message_user(
                request,
                ngettext(
                    "%(count)d was already in that state and was left as it was.",
                    "%(count)d were already in that state and were left as they were.",
                    unchanged,
                )
                % {"count": unchanged},
                messages.INFO,
            )

    @admin.action(
        permissions=["publish"], description=_("Publish selected %(verbose_name_plural)s")
    )
    def publish(self, request, queryset):
        self._set_status(
            request,
            queryset,
            Status.PUBLISHED,
            _("%(count)d %(items)s published."),
            _("Published (bulk action)"),
        )

    @admin.action(
        permissions=["publish"], description=_("Archive selected %(verbose_name_plural)s")
    )
    def archive(self, request, queryset):
        self._set_status(
            request,
            queryset,
            Status.ARCHIVED,
            _("%(count)d %(items)s archived."),
            _("Archived (bulk action)"),
        )

    @admin.action(
        permissions=["change"],
        description=_("Mark selected %(verbose_name_plural)s as verified today"),
    )
    def mark_verified_today(self, request, queryset):
        today = timezone.localdate()
        objects = list(
            self._selected(queryset).exclude(last_verified_on=today, verified_by=request.user)
        )
        fields = ["last_verified_on", "verified_by"]
        for obj in objects:
            obj.last_verified_on = today
            obj.verified_by = request.user
        if self.records_who_verified:
            fields.append("verified_via")
            for obj in objects:
                obj.verified_via = "curator"
        count = self._save_each(
            request,
            objects,
            fields,
            str(_("Marked verified (bulk action)")),
        )
        self.message_user(
            request,
            _("%(count)d %(items)s marked as verified today by you.")
            % {"count": count, "items": model_ngettext(self.model._meta, count)},
            messages.SUCCESS,
        )
