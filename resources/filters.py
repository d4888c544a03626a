"""The library's filters: one GET form that works without JavaScript."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from core import widgets
from core.models import Language
from resources.choices import TraffickingType
from resources.models import Audience, Category, Resource


class DisplayNameChoiceField(forms.ModelChoiceField):
    """Options in the page's language (English or Spanish names)."""

    def label_from_instance(self, obj) -> str:
        return obj.display_name


class DisplayNameFilter(django_filters.ModelChoiceFilter):
    field_class = DisplayNameChoiceField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", widgets.Select)
        super().__init__(*args, **kwargs)


class ResourceFilter(django_filters.FilterSet):
    """Filters over `queryset`, whose own resources decide which options are offered.

    Only audiences, languages and years that some resource in the queryset
    has are offered, so no choice leads to an empty page.
    """

    q = django_filters.CharFilter(
        label=_("Keyword"),
        method="filter_keyword",
        max_length=200,
        widget=widgets.SearchInput,
    )
    category = DisplayNameFilter(
        label=_("Category"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        empty_label=_("All categories"),
    )
    audience = DisplayNameFilter(
        label=_("Audience"),
        field_name="audiences",
        queryset=Audience.objects.none(),
        to_field_name="slug",
        empty_label=_("Everyone"),
        # One audience matches at most one row per resource: no duplicates to remove.
        distinct=False,
    )
    trafficking_type = django_filters.ChoiceFilter(
        label=_("Trafficking type"),
        choices=[
            (TraffickingType.SEX, TraffickingType.SEX.label),
            (TraffickingType.LABOR, TraffickingType.LABOR.label),
        ],
        empty_label=_("Sex and labor trafficking"),
        widget=widgets.Select,
        method="filter_trafficking_type",
    )
    language = DisplayNameFilter(
        label=_("Language"),
        field_name="languages",
        queryset=Language.objects.none(),
        to_field_name="code",
        empty_label=_("Any language"),
        distinct=False,
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"),
        field_name="published_on__year",
        choices=[],
        empty_label=_("Any year"),
        widget=widgets.Select,
    )

    class Meta:
        model = Resource
        fields: list[str] = []

    def __init__(self, data=None, queryset=None, *, category=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        base = self.queryset
        if category is not None:
            # The page already is one category.
            del self.filters["category"]
        used_by = Resource.objects.filter(pk__in=base.values("pk"))
        self.filters["audience"].queryset = Audience.objects.filter(
            Exists(used_by.filter(audiences=OuterRef("pk")))
        )
        self.filters["language"].queryset = Language.objects.filter(
            Exists(used_by.filter(languages=OuterRef("pk")))
        )
        self.filters["year"].extra["choices"] = [
            (str(day.year), str(day.year))
            for day in base.order_by().dates("published_on", "year", order="DESC")
        ]

    def filter_keyword(self, queryset, name, value):
        return queryset.matching_keyword(value) if value else queryset

    def filter_trafficking_type(self, queryset, name, value):
        return queryset.about(value) if value else queryset
