"""The directory's one search form: every filter matches at service level.

An organization is a result when one of its published services meets every
filter at once, so "Fresno + legal services + minors" never matches an
organization whose legal service is for adults and whose shelter is for minors.
The form only filters services (`qs`); `Organization.objects.search_results()`
orders and loads the organizations behind them.
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core import widgets
from core.choices import CachedModelChoiceField, CachedModelMultipleChoiceField, read_rows
from core.models import County, Language
from core.page_cache import rows_until_change
from core.search import MAX_QUERY_LENGTH, clean_query
from organizations.models import Population, Service, ServiceType
from organizations.zip_codes import ZipCode, lookup_zip, normalize_zip

PLACES = ("county", "zip")
MORE_FILTERS = (
    "service_type",
    "population",
    "language",
    "free",
    "open_24_7",
    "referrals",
    "remote",
)


class TickBox(widgets.CheckboxInput):
    """A checkbox that reads only "1", "true", "on" or "yes" as ticked."""

    def value_from_datadict(self, data, files, name):
        return str(data.get(name, "")).strip().lower() in {"1", "true", "on", "yes"}


class TickBoxFilter(django_filters.Filter):
    field_class = forms.BooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", TickBox(attrs={"value": "1"}))
        super().__init__(*args, **kwargs)


# Choices come from core.choices' cached rows: no query for the lists, nor to check a value.
class NamedChoiceField(CachedModelChoiceField, django_filters.fields.ModelChoiceField):
    """Choices labelled in the page's language."""

    def label_from_instance(self, obj):
        return obj.display_name


class NamedMultipleChoiceField(
    CachedModelMultipleChoiceField, django_filters.fields.ModelMultipleChoiceField
):
    def label_from_instance(self, obj):
        return obj.display_name


class CountyChoiceField(CachedModelChoiceField, django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class CountyFilter(django_filters.ModelChoiceFilter):
    field_class = CountyChoiceField


class TermFilter(django_filters.ModelChoiceFilter):
    field_class = NamedChoiceField


class TermsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = NamedMultipleChoiceField


@dataclass(frozen=True)
class Place:
    """A California ZIP code and the county it is in."""

    zip_code: ZipCode
    county: County | None


class ZipCodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 10)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        if normalize_zip(value) is None:
            raise forms.ValidationError(
                _("Enter a five-digit ZIP code, for example 95814."), code="invalid"
            )
        zip_code = lookup_zip(value)
        if zip_code is None:
            raise forms.ValidationError(
                _("We could not find ZIP code %(zip)s in California."),
                code="unknown",
                params={"zip": normalize_zip(value)},
            )
        counties = rows_until_change(County.objects.all())
        return Place(zip_code, next((c for c in counties if c.name == zip_code.county_name), None))


class ZipCodeFilter(django_filters.Filter):
    field_class = ZipCodeField


class DirectoryFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("What are you looking for?"),
        method="filter_keyword",
        max_length=MAX_QUERY_LENGTH,
        help_text=_("For example: shelter, legal help, T visa, counseling."),
        widget=widgets.TextInput,
    )
    zip = ZipCodeFilter(
        label=_("ZIP code"),
        method="filter_zip",
        widget=widgets.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "size": "10", "maxlength": "10"}
        ),
    )
    county = CountyFilter(
        label=_("County"),
        queryset=County.objects.all(),
        to_field_name="slug",
        method="filter_county",
        empty_label=_("All counties"),
        widget=widgets.Select,
    )
    service_type = TermsFilter(
        label=_("Type of help"),
        queryset=ServiceType.objects.all(),
        to_field_name="slug",
        method="filter_service_types",
        widget=widgets.CheckboxSelectMultiple,
    )
    population = TermsFilter(
        label=_("Who it is for"),
        queryset=Population.objects.all(),
        to_field_name="slug",
        method="filter_populations",
        widget=widgets.CheckboxSelectMultiple,
    )
    language = TermFilter(
        label=_("Language spoken"),
        queryset=Language.objects.all(),
        to_field_name="code",
        method="filter_language",
        empty_label=_("Any language"),
        widget=widgets.Select,
    )
    free = TickBoxFilter(label=_("Free of charge"), method="filter_free")
    open_24_7 = TickBoxFilter(label=_("Open 24/7"), method="filter_open_24_7")
    referrals = TickBoxFilter(label=_("Accepts referrals"), method="filter_referrals")
    remote = TickBoxFilter(label=_("Statewide, by phone or online"), method="filter_remote")

    class Meta:
        model = Service
        fields: list[str] = []

    def __init__(self, data=None, *args, county=None, **kwargs):
        """`county` fixes the county, as on a county's own page."""
        self.fixed_county = county
        # Only published services of published organizations can ever match.
        kwargs.setdefault("queryset", Service.objects.published())
        super().__init__(data, *args, **kwargs)
        if county is not None:
            del self.filters["county"]

    @property
    def form(self):
        # Built once; its fields' reference rows in one cache read, not one per field.
        if not hasattr(self, "_form"):
            read_rows(super().form.fields.values())
        return self._form

    def filter_queryset(self, queryset):
        if self.fixed_county is not None:
            queryset = queryset.serving([self.fixed_county])
        return super().filter_queryset(queryset)

    def filter_keyword(self, queryset, name, value):
        return queryset.matching_keyword(value)

    def filter_zip(self, queryset, name, value):
        return queryset.serving([value.county]) if value.county else queryset

    def filter_county(self, queryset, name, value):
        return queryset.serving([value])

    # Multiple-choice methods receive an empty queryset when nothing is ticked.

    def filter_service_types(self, queryset, name, value):
        return queryset.of_types(value) if value else queryset

    def filter_populations(self, queryset, name, value):
        return queryset.for_populations(value) if value else queryset

    def filter_language(self, queryset, name, value):
        return queryset.in_language(value)

    def filter_free(self, queryset, name, value):
        return queryset.free() if value else queryset

    def filter_open_24_7(self, queryset, name, value):
        return queryset.open_24_7() if value else queryset

    def filter_referrals(self, queryset, name, value):
        return queryset.accepting_referrals() if value else queryset

    def filter_remote(self, queryset, name, value):
        return queryset.without_a_visit() if value else queryset

    # Results

    def cleaned(self, name):
        """A filter's clean value, or None where it was blank or invalid."""
        if not self.is_bound or not self.form.is_bound:
            return None
        self.form.is_valid()
        return self.form.cleaned_data.get(name) or None

    @property
    def uses_more_filters(self) -> bool:
        """Whether a filter under "More filters" is in use, to show them open."""
        return any(self.cleaned(name) for name in MORE_FILTERS if name in self.filters)

    @property
    def browsing(self) -> bool:
        """Whether nothing but a place (a county, a ZIP code) narrows the search: a
        whole county's listing, a ZIP code's or the state's, which nearly every
        organization is in."""
        return not any(self.cleaned(name) for name in self.filters if name not in PLACES)

    @property
    def place(self) -> Place | None:
        return self.cleaned("zip")

    @property
    def searched_county(self) -> County | None:
        """The county the visitor looks in: the page's, the chosen one, or the ZIP code's."""
        if self.fixed_county is not None:
            return self.fixed_county
        place = self.place
        return self.cleaned("county") or (place.county if place else None)

    @property
    def keyword(self) -> str:
        """The keyword as searched (cleaned), or an empty string."""
        return clean_query(self.cleaned("q"))

    @property
    def ordering(self) -> str:
        if self.place is not None:
            return "distance"
        if self.keyword:
            return "relevance"
        return "name"

    def summary(self) -> list[str]:
        """The values in use, short, for the one line that stands for the closed form."""
        values: list[str] = []
        for name, field in self.form.fields.items():
            value = self.cleaned(name)
            if not value:
                continue
            if isinstance(field, forms.ModelMultipleChoiceField):
                values += [field.label_from_instance(item) for item in value]
            elif isinstance(value, Place):
                values.append(_("Near %(zip)s") % {"zip": value.zip_code.code})
            elif isinstance(field, forms.ModelChoiceField):
                values.append(field.label_from_instance(value))
            elif isinstance(field, forms.BooleanField):
                values.append(str(field.label))
            else:
                values.append(f"“{value}”")
        return values

    def active_filters(self, query: QueryDict) -> list[tuple[str, str]]:
        """(label, address without it) for every filter in use, to show as removable chips."""
        chips = []
        for name, field in self.form.fields.items():
            value = self.cleaned(name)
            if not value:
                continue
            if isinstance(field, forms.ModelMultipleChoiceField):
                for item in value:
                    chips.append(
                        (
                            f"{field.label}: {field.label_from_instance(item)}",
                            # The field's own rule: its to_field_name, else the key.
                            _without(query, name, getattr(item, field.to_field_name or "pk")),
                        )
                    )
                continue
            if isinstance(value, Place):
                label = _("Near %(zip)s") % {"zip": value.zip_code.code}
            elif isinstance(field, forms.ModelChoiceField):
                label = f"{field.label}: {field.label_from_instance(value)}"
            elif isinstance(field, forms.BooleanField):
                label = str(field.label)
            else:
                label = f"{field.label}: “{value}”"
            chips.append((label, _without(query, name)))
        return chips


def _without(query: QueryDict, name: str, value: str | None = None) -> str:
    """The query string less one parameter (or one of its values), back on page 1."""
    remaining = query.copy()
    remaining.pop("page", None)
    if value is None:
        remaining.pop(name, None)
    else:
        remaining.setlist(name, [v for v in remaining.getlist(name) if v != value])
    return remaining.urlencode()
