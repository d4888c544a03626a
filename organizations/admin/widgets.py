"""Admin widgets: autocomplete without a query per form, the map picker, ZIP fill."""

from typing import TYPE_CHECKING

from django import forms
from django.conf import settings
from django.contrib.admin.options import BaseModelAdmin
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

PICKER_MEDIA = forms.Media(
    js=["leaflet/leaflet.js", "admin-extra/location-picker.js"],
    css={"all": ["leaflet/leaflet.css", "admin-extra/location-picker.css"]},
)


# Each mixin below is only ever mixed into the class it names for the type checker, which
# then knows the attributes and the super() methods the mixin uses.
if TYPE_CHECKING:
    _AutocompleteWidget = AutocompleteSelect
    _ModelAdmin = BaseModelAdmin
else:
    _AutocompleteWidget = _ModelAdmin = object


class ReferenceLabelsMixin(_AutocompleteWidget):
    """Autocomplete for the small reference tables (counties, types, languages).

    Django's autocomplete widget runs one query per rendered form to label the
    selected options; an organization page with ten services would run forty.
    These tables are small, so every label is read once per page into a dict
    that the copies Django makes of the widget for each form share.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._labels: dict[str, str] = {}

    def _load_labels(self) -> dict[str, str]:
        if not self._labels:
            field = self.choices.field
            self._labels.update(
                (str(obj.pk), field.label_from_instance(obj))
                for obj in field.queryset.using(self.db)
            )
        return self._labels

    def optgroups(self, name, value, attr=None):
        labels = self._load_labels()
        selected = {str(v) for v in value if v not in (None, "")}
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        for key, label in labels.items():
            if key in selected:
                options.append(self.create_option(name, key, label, True, len(options)))
                if not self.allow_multiple_selected:
                    break
        return [(None, options, 0)]


class ReferenceAutocompleteSelect(ReferenceLabelsMixin, AutocompleteSelect):
    pass


class ReferenceAutocompleteSelectMultiple(ReferenceLabelsMixin, AutocompleteSelectMultiple):
    pass


class ZipCodeInput(forms.TextInput):
    """A ZIP code box with a button that fills city, county and map point from it."""

    @property
    def media(self):
        return PICKER_MEDIA

    def render(self, name, value, attrs=None, renderer=None):
        box = super().render(name, value, attrs, renderer)
        # The script's messages travel as data attributes, translated here.
        return format_html(
            '{}<button type="button" class="button zip-fill" data-zip-lookup="{}" '
            'data-filled="{}" data-differs="{}">{}</button>'
            '<span class="zip-fill__status" role="status"></span>',
            box,
            reverse("admin:zip_lookup"),
            _("Filled the empty boxes from ZIP code {zip}: {place}."),
            _("ZIP code {zip} is in {place}; check the city and county."),
            _("Fill from ZIP code"),
        )


class LatLngPickerWidget(forms.Widget):
    """A map to click for the latitude/longitude boxes of the same form.

    The counties are drawn from the site's own GeoJSON; street tiles load only
    when the curator asks, so opening a page sends nothing to a tile server.
    """

    @property
    def media(self):
        return PICKER_MEDIA

    def value_from_datadict(self, data, files, name):
        return None

    def render(self, name, value, attrs=None, renderer=None):
        return format_html(
            '<div class="latlng-picker" data-geojson="{}" data-tiles="{}" data-attribution="{}">'
            '<button type="button" class="button latlng-picker__open">{}</button> '
            '<button type="button" class="button latlng-picker__tiles" hidden>{}</button>'
            '<p class="help latlng-picker__help" hidden>{}</p>'
            '<div class="latlng-picker__map" hidden></div>'
            "</div>",
            static("geo/california-counties.geojson"),
            settings.STREET_MAP_TILE_URL,
            settings.STREET_MAP_ATTRIBUTION,
            _("Place on the map"),
            _("Show street map"),
            _(
                "Click the map to set the point. The street map comes from an outside "
                "server and loads only when you ask for it."
            ),
        )


class ReferenceAutocompleteMixin(_ModelAdmin):
    """A ModelAdmin or inline whose `autocomplete_fields` point at reference tables."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                ReferenceAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                ReferenceAutocompleteSelectMultiple(
                    db_field, self.admin_site, using=kwargs.get("using")
                ),
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
