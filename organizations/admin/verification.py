"""The curators' side of verification: proposed changes field by field, and the requests sent.

A proposal's page shows each change as the value the organization saw, the
value it proposes and, when a curator edited the field since, the value now;
the curator accepts or rejects each one. Accepted values are written with the
history saying the organization proposed them (the curator is the history's
user), so a proposal never silently overwrites a newer edit.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from organizations.models import Organization, Proposal, VerificationRequest
from organizations.models.organization import VerifiedVia
from organizations.providers import fields
from organizations.providers.forms import same_value


def _confirmed_with_changes(proposal: Proposal, curator) -> None:
    """Every change decided: the listing is as its organization confirmed it today."""
    organization = Organization.objects.select_for_update().get(pk=proposal.organization_id)
    organization.last_verified_on = timezone.localdate()
    organization.verified_via = VerifiedVia.ORGANIZATION
    organization.verified_by = curator
    organization._change_reason = (
        f"Confirmed by the organization with changes (proposal {proposal.pk})"
    )
    organization.save(update_fields=["last_verified_on", "verified_via", "verified_by"])


class ProposalStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("open", _("Waiting for a decision")), ("decided", _("Decided"))]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.open()
        if self.value() == "decided":
            return queryset.filter(decided_at__isnull=False)
        return queryset


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["organization", "created_at", "change_count", "decided_at", "decided_by"]
    list_filter = [ProposalStateFilter]
    list_select_related = ["organization", "decided_by"]
    search_fields = ["organization__name"]

    def has_add_permission(self, request):
        # Proposals come from the provider's page only.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("changes"))
    def change_count(self, proposal):
        return len(proposal.changes) + bool(proposal.note)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        proposal = get_object_or_404(
            Proposal.objects.select_related("organization", "decided_by"), pk=object_id
        )
        if not self.has_view_permission(request, proposal):
            raise PermissionDenied
        can_decide = self.has_change_permission(request, proposal) and proposal.decided_at is None
        if request.method == "POST":
            if not can_decide:
                raise PermissionDenied
            decided = self._decide(request, proposal)
            if decided is not None:
                return HttpResponseRedirect(request.get_full_path())
        rows = []
        for index, change in enumerate(proposal.changes):
            now = fields.current_value(proposal.organization, change["key"])
            rows.append(
                {
                    "index": index,
                    "change": change,
                    # A curator's edit since the provider looked: both are shown.
                    "edited_since": now is not None
                    and not same_value(change["kind"], now, change["old"]),
                    "now_display": fields.display(change["kind"], now),
                    "gone": now is None,
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": proposal,
            "proposal": proposal,
            "rows": rows,
            "can_decide": can_decide,
            "title": str(proposal),
            "organization_url": reverse(
                "admin:organizations_organization_change", args=[proposal.organization_id]
            ),
        }
        return TemplateResponse(request, "admin/organizations/proposal/review.html", context)

    def _decide(self, request, proposal: Proposal) -> int | None:
        """Apply the curator's decisions; None (with a message) when nothing was decided."""
        reason = (
            f"Proposed by the organization (verification link, proposal {proposal.pk}); "
            f"accepted by {request.user.get_username()}"
        )
        count = 0
        with transaction.atomic():
            locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
            for index, change in enumerate(locked.changes):
                decision = request.POST.get(f"decision-{index}", "")
                if change.get("decision") or decision not in Proposal.Decision.values:
                    continue
                if decision == Proposal.Decision.ACCEPTED:
                    try:
                        fields.apply(locked.organization, change["key"], change["new"], reason)
                    except (ValidationError, ValueError, LookupError):
                        self.message_user(
                            request,
                            _(
                                "“%(label)s” could not be applied: the record is gone or the "
                                "value no longer fits."
                            )
                            % {"label": change["label"]},
                            messages.ERROR,
                        )
                        continue
                change["decision"] = decision
                count += 1
            # A proposal with only a note is closed by saving it.
            if not count and locked.pending_changes:
                self.message_user(
                    request, _("Choose accept or reject for a change."), messages.WARNING
                )
                return None
            if not locked.pending_changes:
                locked.decided_at = timezone.now()
                locked.decided_by = request.user
                _confirmed_with_changes(locked, request.user)
            locked.save(update_fields=["changes", "decided_at", "decided_by"])
        self.message_user(
            request,
            ngettext("%(count)d change decided.", "%(count)d changes decided.", count)
            % {"count": count},
            messages.SUCCESS,
        )
        return count


class RequestStateFilter(admin.SimpleListFilter):
    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("waiting", _("Waiting for an answer")),
            ("no-answer", _("No answer after the reminder")),
            ("answered", _("Answered")),
            ("changed", _("Changes proposed")),
            ("bounced", _("Bounced or no address")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "waiting":
                return queryset.waiting()
            case "no-answer":
                return queryset.without_answer()
            case "answered":
                return queryset.answered()
            case "changed":
                return queryset.changed()
            case "bounced":
                return queryset.bounced()
        return queryset


@admin.register(VerificationRequest)
class VerificationRequestAdmin(admin.ModelAdmin):
    list_display = [
        "organization",
        "created_at",
        "reminded_at",
        "answered_at",
        "outcome",
        "bounced_at",
        "bounce_reason",
    ]
    list_filter = [RequestStateFilter, "outcome"]
    list_select_related = ["organization"]
    search_fields = ["organization__name"]
    readonly_fields = [
        "organization",
        "email",
        "language",
        "created_at",
        "reminded_at",
        "answered_at",
        "outcome",
        "bounced_at",
        "bounce_reason",
    ]
    exclude = ["key"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
