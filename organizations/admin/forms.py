from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from organizations.admin.hours import format_hours, parse_hours, save_hours
from organizations.admin.widgets import LatLngPickerWidget, ZipCodeInput
from organizations.models import Location, Service


class HoursField(forms.CharField):
    """A week of opening hours typed as text; cleans to a list of openings."""

    widget = forms.Textarea(attrs={"rows": 4, "cols": 48, "class": "hours-input"})

    def to_python(self, value) -> str:
        # Browsers post text areas with CRLF line ends. The field's empty value is "", so
        # the text is never None (the type allows it for fields with empty_value=None).
        return (super().to_python(value) or "").replace("\r\n", "\n")

    def clean(self, value):
        return parse_hours(super().clean(value))

    def has_changed(self, initial, data):
        try:
            return parse_hours(initial or "") != parse_hours(self.to_python(data))
        except ValidationError:
            return True


class LocationForm(forms.ModelForm):
    """One location with its hours and map point, inline or on its own page."""

    hours = HoursField(
        label=_("Opening hours"),
        required=False,
        help_text=_(
            "One line per day or run of days, e.g. “Mon-Fri 9:00-17:00”, "
            "“Sat 10:00-13:00, 14:00-16:00 (walk-ins only)”, “Sun 24h” or “Sun closed”. "
            "Leave empty if the hours are not known."
        ),
    )
    map = forms.Field(label=_("Map"), required=False, widget=LatLngPickerWidget)
    # Each tick is a ServiceAtLocation; the admin lets the inline and the
    # location page choose them only as a plain form field.
    services = forms.ModelMultipleChoiceField(
        label=_("Services offered here"),
        queryset=Service.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Location
        fields = [
            "organization",
            "name",
            "is_confidential",
            "address_1",
            "address_2",
            "zip_code",
            "city",
            "county",
            "latitude",
            "longitude",
            "hours",
            "services",
            "accessibility",
        ]
        widgets = {"zip_code": ZipCodeInput(attrs={"size": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("hours", format_hours(self.instance.schedules.all()))
            self.initial.setdefault("services", list(self.instance.services.all()))

    def clean(self):
        super().clean()
        # What ModelForm.clean() returns, typed as a dict rather than "dict or None".
        cleaned_data = self.cleaned_data
        latitude, longitude = cleaned_data.get("latitude"), cleaned_data.get("longitude")
        if {"latitude", "longitude"} & set(self.errors):
            return cleaned_data
        if (latitude is None) != (longitude is None):
            # On the missing box: the model's own constraint check is then
            # skipped instead of repeating this in its less helpful words.
            self.add_error(
                "latitude" if latitude is None else "longitude",
                ValidationError(
                    _("Give both latitude and longitude, or neither."), code="lat_lng_together"
                ),
            )
        return cleaned_data

    def _save_m2m(self):
        super()._save_m2m()  # type: ignore[misc]  # Django's private hook, not in django-stubs
        # Runs for save() and for save(commit=False) + save_m2m(), after the
        # location exists, so hours typed for a new location are kept too.
        if "hours" in self.changed_data:
            save_hours(self.instance, self.cleaned_data["hours"])
        if "services" in self.changed_data:
            # set() keeps the links that stay, and with them their HSDS ids.
            self.instance.services.set(self.cleaned_data["services"])
