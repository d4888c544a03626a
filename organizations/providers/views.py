"""The page a verification link opens: confirm the listing, or propose changes to it.

Nothing here needs an account: the signed link is the credential. A link that
is forged, altered, expired or used gets a page saying so (404 or 410) and
writes nothing; the same page answers every forged link, so it tells no one
which organizations are listed. Every visit counts against a per-network
rate limit.
"""

from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from organizations.models import Organization, Proposal, Service, VerificationRequest
from organizations.models.organization import VerifiedVia
from organizations.providers.fields import current_values
from organizations.providers.forms import NOTHING_CHANGED, ListingChangeForm
from organizations.providers.links import LinkError, read_token
from organizations.suggestions import RATE_WINDOW, client_key

# Visits per network per RATE_WINDOW: a provider needs a handful, a link-guesser many.
RATE_LIMIT = 30
_ERROR_STATUS = {"invalid": 404, "expired": 410, "used": 410}


def _over_rate_limit(request) -> bool:
    key = f"providers:visits:{client_key(request)}"
    window = int(RATE_WINDOW.total_seconds())
    if cache.add(key, 1, window):
        return False
    try:
        return cache.incr(key) > RATE_LIMIT
    except ValueError:  # expired between add() and incr()
        return False


def _link_error(request, reason: str):
    return render(
        request,
        "organizations/provider/link_error.html",
        {"reason": reason},
        status=_ERROR_STATUS[reason],
    )


def _locked(verification_request: VerificationRequest) -> VerificationRequest | None:
    """The request again, locked; None when another submission answered it first."""
    return (
        VerificationRequest.objects.select_for_update()
        .filter(pk=verification_request.pk, answered_at__isnull=True)
        .first()
    )


def confirm(verification_request: VerificationRequest) -> bool:
    """Everything is still correct: verified today by the organization, in the history."""
    with transaction.atomic():
        locked = _locked(verification_request)
        if locked is None:
            return False
        today = timezone.localdate()
        organization = Organization.objects.select_for_update().get(pk=locked.organization_id)
        organization.last_verified_on = today
        organization.verified_via = VerifiedVia.ORGANIZATION
        organization.verified_by = None
        organization._change_reason = "Confirmed by the organization (verification link)"
        organization.save(update_fields=["last_verified_on", "verified_via", "verified_by"])
        # "Still correct" includes each service's answer about new clients.
        for service in Service.objects.filter(
            organization=organization, accepting_new_clients__isnull=False
        ):
            service.accepting_new_clients_on = today
            service._change_reason = "Confirmed by the organization (verification link)"
            service.save(update_fields=["accepting_new_clients_on", "updated_at"])
        locked.answered_at = timezone.now()
        locked.outcome = VerificationRequest.Outcome.CONFIRMED
        locked.save(update_fields=["answered_at", "outcome"])
    return True


def propose(verification_request: VerificationRequest, changes: list[dict], note: str) -> bool:
    """Queue the changes for a curator; one proposal per request, however often it is sent."""
    with transaction.atomic():
        locked = _locked(verification_request)
        if locked is None:
            return False
        Proposal.objects.create(
            organization_id=locked.organization_id, request=locked, changes=changes, note=note
        )
        locked.answered_at = timezone.now()
        locked.outcome = VerificationRequest.Outcome.CHANGED
        locked.save(update_fields=["answered_at", "outcome"])
    return True


@never_cache
def listing(request, token: str):
    if _over_rate_limit(request):
        response = render(request, "organizations/provider/limited.html", status=429)
        response["Retry-After"] = str(int(RATE_WINDOW.total_seconds()))
        return response
    try:
        verification_request = read_token(token)
    except LinkError as error:
        return _link_error(request, error.reason)
    organization = verification_request.organization
    editables = current_values(organization)
    form = ListingChangeForm(editables=editables)
    if request.method == "POST":
        if request.POST.get("action") == "confirm":
            if not confirm(verification_request):
                return _link_error(request, "used")
            return redirect("providers:thanks")
        form = ListingChangeForm(request.POST, editables=editables)
        if form.is_valid():
            changes = form.changes()
            note = form.cleaned_data["note"].strip()
            if changes or note:
                if not propose(verification_request, changes, note):
                    return _link_error(request, "used")
                return redirect("providers:thanks")
            form.add_error(None, NOTHING_CHANGED)
    groups: dict[str, list] = {}
    for editable in editables:
        groups.setdefault(editable.group, []).append(form[editable.key.replace(".", "-")])
    return render(
        request,
        "organizations/provider/listing.html",
        {"organization": organization, "form": form, "groups": groups},
    )


def thanks(request):
    return render(request, "organizations/provider/thanks.html")
