"""core.widgets write the bytes Django's widget templates write, on the search forms."""

import copy

import pytest
from django import forms
from django.forms.boundfield import BoundWidget
from django.http import QueryDict

from core import widgets
from organizations.filters import DirectoryFilterSet
from resources.filters import ResourceFilter
from resources.models import Resource

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "q=shelter&zip=95814&county=fresno&language=es",
    "q=%3Cscript%3E%22%27%26x&zip=%22%3E%3Cb%3E&county=nowhere&language=xx",
    "service_type=legal-services&service_type=emergency-shelter&population=adults"
    "&free=1&open_24_7=yes&referrals=0&remote=on",
    "service_type=bogus&population=minors&population=%3Cb%3E",
]


def stock(widget: forms.Widget) -> forms.Widget:
    """The same widget as Django's own class, which renders through the templates."""
    django_class = next(c for c in type(widget).__mro__ if c.__module__ == "django.forms.widgets")
    twin = copy.deepcopy(widget)
    twin.__class__ = django_class
    return twin


FAST = (
    widgets.TextInput,
    widgets.SearchInput,
    widgets.CheckboxInput,
    widgets.Select,
    widgets.CheckboxSelectMultiple,
)


def directory_form(query: str) -> forms.Form:
    return DirectoryFilterSet(QueryDict(query)).form


def library_form(query: str) -> forms.Form:
    return ResourceFilter(QueryDict(query), queryset=Resource.objects.all()).form


@pytest.mark.parametrize("make_form", [directory_form, library_form])
def test_every_widget_of_the_search_forms_is_one_that_skips_the_templates(make_form):
    for field in make_form("").fields.values():
        assert isinstance(field.widget, FAST), field


def assert_renders_as_through_the_templates(form: forms.Form) -> None:
    form.is_valid()
    for field in form:
        widget = field.field.widget
        assert str(field) == field.as_widget(widget=stock(widget))
        for box in field.subwidgets:
            twin = BoundWidget(stock(widget), box.data, box.renderer)
            assert box.tag() == twin.tag()
            assert box.tag(wrap_label=True) == twin.tag(wrap_label=True)


@pytest.mark.parametrize("query", QUERIES)
def test_the_search_form_renders_as_through_the_templates(query):
    assert_renders_as_through_the_templates(directory_form(query))


@pytest.mark.parametrize(
    "query",
    ["", "q=%3Cb%3E%22x&category=nowhere&trafficking_type=labor&year=1900&language=xx"],
)
def test_the_library_form_renders_as_through_the_templates(query):
    assert_renders_as_through_the_templates(library_form(query))


def test_option_groups_still_render_through_the_templates():
    choices = [("Near", [("a", "A & B")]), ("Far", [("c", "C")])]
    fast = widgets.Select(choices=choices)
    assert fast.render("x", "a") == stock(fast).render("x", "a")
    assert '<optgroup label="Near">' in fast.render("x", "a")
