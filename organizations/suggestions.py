"""Suggest a correction: the public form on every organization page.

Spam is kept out without third parties: a honeypot box people never see, a
signed timestamp that shows the form was not filled in faster than a person
could, length limits, and a per-address rate limit. The limit counts recent
suggestions by a keyed hash of the visitor's network address, so it works on
any database and cache and no address is ever stored. A note that fails the
spam checks is never thanked for: the form comes back with what was typed and
a plain request to send it again, since a person (an autofilling browser, a
fast typist) can trip them too, and a bot learns no more than from any form.
"""

import ipaddress
import logging
import time
from datetime import timedelta
from typing import cast

from axes.helpers import get_client_ip_address
from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from organizations.models import Organization, Suggestion

logger = logging.getLogger(__name__)

# A person needs longer than this to read the page and write a sentence.
MIN_FILL_SECONDS = 3
# A form older than this asks to be sent again (it may have been copied by a bot).
FORM_MAX_AGE = timedelta(days=1)
RATE_LIMIT = 5
RATE_WINDOW = timedelta(hours=1)
_SIGNING_SALT = "organizations.suggestions.started"


def client_key(request) -> str:
    """A keyed hash of the visitor's network, for rate limiting without storing it.

    IPv6 visitors usually control a whole /64, so that is what is counted.
    """
    address = get_client_ip_address(request) or ""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        network = "unknown"
    else:
        network = (
            str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)
        )
    return salted_hmac("organizations.suggestions.client", network, algorithm="sha256").hexdigest()


def over_rate_limit(key: str) -> bool:
    since = timezone.now() - RATE_WINDOW
    return Suggestion.objects.filter(ip_hash=key, created_at__gte=since).count() >= RATE_LIMIT


class SuggestionForm(forms.Form):
    message = forms.CharField(
        label=_("What is wrong or out of date?"),
        max_length=Suggestion._meta.get_field("message").max_length,
        error_messages={
            "required": _("Write what is wrong or out of date in the listing."),
            "max_length": _(
                "Make your note shorter: it can have up to %(limit_value)d characters "
                "and has %(show_value)d."
            ),
        },
        # Read out with the warning not to include details about a survivor.
        widget=forms.Textarea(
            attrs={"rows": 6, "aria-describedby": "id_message_helptext suggest-privacy"}
        ),
        help_text=_("For example a phone number that no longer works, new hours or a new address."),
    )
    contact = forms.CharField(
        label=_("How can we reach you? (optional)"),
        max_length=Suggestion._meta.get_field("contact").max_length,
        required=False,
        error_messages={
            "max_length": _(
                "Make this shorter: it can have up to %(limit_value)d characters "
                "and has %(show_value)d."
            ),
        },
        help_text=_(
            "Only if you are happy for a curator to ask you about this. You do not have to."
        ),
    )
    # The honeypot: hidden from people (and screen readers), filled in by bots.
    website = forms.CharField(
        label=_("Leave this box empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organization, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.organization = organization
        self.started_token = signing.dumps(
            {"organization": organization.pk, "at": time.time()}, salt=_SIGNING_SALT
        )
        self.initial["started"] = self.started_token

    def _started_at(self) -> float | None:
        try:
            stamp = signing.loads(self.data.get("started", ""), salt=_SIGNING_SALT)
        except signing.BadSignature:
            return None
        if not isinstance(stamp, dict) or stamp.get("organization") != self.organization.pk:
            return None
        return stamp.get("at")

    def is_spam(self) -> bool:
        if self.data.get("website"):
            return True
        started_at = self._started_at()
        return started_at is None or time.time() - started_at < MIN_FILL_SECONDS

    def refuse_as_spam(self) -> None:
        """Show the form again to be sent once more, keeping the note and contact.

        The honeypot is emptied (a browser's autofill may have filled it) and
        the timestamp restarted.
        """
        self.data = cast(QueryDict, self.data).copy()
        self.data["website"] = ""
        self.data["started"] = self.started_token
        self.add_error(
            None,
            forms.ValidationError(
                _(
                    "Your note was not sent: it went faster than we expect from a person. "
                    "Please check it and press “Send to the curators” again."
                ),
                code="spam_check",
            ),
        )

    def clean(self):
        cleaned_data = super().clean()
        started_at = self._started_at()
        if started_at is not None and time.time() - started_at > FORM_MAX_AGE.total_seconds():
            # A fresh timestamp comes with the form shown again. The form is bound to
            # request.POST, a QueryDict (immutable, hence the copy), typed as any Mapping.
            self.data = cast(QueryDict, self.data).copy()
            self.data["started"] = self.started_token
            raise forms.ValidationError(
                _("This page was open for a long time. Please check your note and send it again."),
                code="expired",
            )
        return cleaned_data


def notify_curators(suggestion: Suggestion, admin_url: str) -> None:
    """Email the curators; the visitor's address is never part of it."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "suggestion": suggestion,
            "organization": suggestion.organization,
            "url": admin_url,
        }
        subject = _("Suggested correction: %(name)s") % {"name": suggestion.organization.name}
        body = render_to_string("organizations/suggest_email.txt", context)
    try:
        send_mail(" ".join(str(subject).split()), body, None, settings.CURATOR_EMAILS)
    except Exception:
        # The suggestion is safe in the review queue; the email is a courtesy.
        logger.exception("Could not email curators about suggestion %s", suggestion.pk)


@never_cache
def suggest(request, slug):
    organization = get_object_or_404(Organization.objects.published(), slug=slug)
    thanks = redirect("organizations:suggest_thanks", slug=organization.slug)
    if request.method == "POST":
        form = SuggestionForm(request.POST, organization=organization)
        key = client_key(request)
        if over_rate_limit(key):
            response = render(
                request,
                "organizations/suggest_limited.html",
                {"organization": organization},
                status=429,
            )
            response["Retry-After"] = str(int(RATE_WINDOW.total_seconds()))
            return response
        if form.is_spam():
            logger.info("Refused a suggestion for %s by the spam checks", organization.slug)
            form.is_valid()
            form.refuse_as_spam()
        elif form.is_valid():
            suggestion = Suggestion.objects.create(
                organization=organization,
                message=form.cleaned_data["message"],
                contact=form.cleaned_data["contact"],
                ip_hash=key,
            )
            admin_url = request.build_absolute_uri(
                reverse("admin:organizations_suggestion_change", args=[suggestion.pk])
            )
            transaction.on_commit(lambda: notify_curators(suggestion, admin_url))
            return thanks
    else:
        form = SuggestionForm(organization=organization)
    return render(
        request, "organizations/suggest.html", {"organization": organization, "form": form}
    )


def suggest_thanks(request, slug):
    organization = get_object_or_404(Organization.objects.published(), slug=slug)
    return render(request, "organizations/suggest_thanks.html", {"organization": organization})
