"""The provider's "Something changed" form, built from the listing's editable values."""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.models import Language
from organizations.admin.hours import format_hours, parse_hours
from organizations.providers.fields import NO, UNKNOWN, YES, Editable
from organizations.validators import format_phone, validate_phone_number

TEXT_MAX_LENGTH = 2000
HOURS_MAX_LENGTH = 1000
NOTHING_CHANGED = _(
    "Nothing was changed. If everything is still correct, press “Everything is still correct”."
)
_SEEN_SALT = "organizations.providers.seen-values"


def field_name(key: str) -> str:
    return key.replace(".", "-")


def _normal(kind: str, value):
    """Equal values read equal, however they were typed."""
    if kind == "languages":
        return sorted(value)
    text = (value or "").replace("\r\n", "\n").strip()
    if kind == "phone":
        return format_phone(text) if text else ""
    if kind == "hours" and text:
        return format_hours(parse_hours(text))
    return text


def same_value(kind: str, first, second) -> bool:
    """Whether two values of a field say the same, in whichever language they were written."""
    return _normal(kind, first) == _normal(kind, second)


class ListingChangeForm(forms.Form):
    note = forms.CharField(
        label=_("Anything else we should know"),
        help_text=_(
            "For example a new address. Do not write a shelter's street address here: "
            "a curator will call you about it."
        ),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    # The values the provider was shown, so a curator's edit made meanwhile is not undone.
    seen = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, editables: list[Editable], **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.editables = editables
        languages = list(Language.objects.order_by("name").values_list("code", "name"))
        for editable in editables:
            field = self._field(editable, languages)
            self.fields[field_name(editable.key)] = field
            self.initial[field_name(editable.key)] = editable.value
        self.initial["seen"] = signing.dumps(
            {editable.key: editable.value for editable in editables},
            salt=_SEEN_SALT,
            compress=True,
        )
        # The note last, after the listing's own fields.
        self.order_fields([*[field_name(e.key) for e in editables], "note"])

    def _field(self, editable: Editable, languages) -> forms.Field:
        label = editable.label
        match editable.kind:
            case "url":
                return forms.URLField(
                    label=label, required=False, max_length=200, assume_scheme="https"
                )
            case "phone":
                return forms.CharField(
                    label=label, max_length=30, validators=[validate_phone_number]
                )
            case "hours":
                return forms.CharField(
                    label=label,
                    required=False,
                    max_length=HOURS_MAX_LENGTH,
                    help_text=_("One line per day or days, for example “Mon-Fri 9:00-17:00”."),
                    widget=forms.Textarea(attrs={"rows": 4}),
                )
            case "intake":
                return forms.ChoiceField(
                    label=label,
                    required=False,
                    choices=[(YES, _("Yes")), (NO, _("No")), (UNKNOWN, _("Not sure"))],
                    widget=forms.RadioSelect,
                )
            case "languages":
                return forms.MultipleChoiceField(
                    label=label,
                    required=False,
                    choices=languages,
                    widget=forms.CheckboxSelectMultiple,
                )
            case "line":
                return forms.CharField(label=label, required=False, max_length=200)
        return forms.CharField(
            label=label,
            required=False,
            max_length=TEXT_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def clean_seen(self) -> dict:
        try:
            seen = signing.loads(self.cleaned_data["seen"], salt=_SEEN_SALT)
        except signing.BadSignature:
            raise ValidationError(_("Please reload the page and try again."), code="seen") from None
        if not isinstance(seen, dict):
            raise ValidationError(_("Please reload the page and try again."), code="seen")
        return seen

    def clean(self):
        cleaned = super().clean() or {}
        for editable in self.editables:
            name = field_name(editable.key)
            if editable.kind == "hours" and cleaned.get(name):
                try:
                    parse_hours(cleaned[name])
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned

    def changes(self) -> list[dict]:
        """Each value that differs from what the provider was shown, as the curator's diff.

        Values are compared and stored as the site's language writes them: a provider
        on the Spanish page sees "lun-vie", the curator reads "Mon-Fri".
        """
        with translation.override(settings.LANGUAGE_CODE):
            return self._changes()

    def _changes(self) -> list[dict]:
        from organizations.providers.fields import display

        seen = self.cleaned_data["seen"]
        found = []
        for editable in self.editables:
            if editable.key not in seen:
                continue
            old, new = seen[editable.key], self.cleaned_data.get(field_name(editable.key))
            if new is None or same_value(editable.kind, old, new):
                continue
            if editable.kind in ("text", "url", "hours", "line"):
                old, new = _normal(editable.kind, old), _normal(editable.kind, new)
            found.append(
                {
                    "key": editable.key,
                    "group": editable.group,
                    "label": str(editable.label),
                    "kind": editable.kind,
                    "old": old,
                    "new": new,
                    "old_display": display(editable.kind, old),
                    "new_display": display(editable.kind, new),
                    "decision": "",
                }
            )
        return found
