"""Form widgets that write the markup of Django's own widget templates in Python.

Django renders every widget, and every option of a <select> or box of a
checkbox group, through a chain of templates (select.html, select_option.html,
input.html, attrs.html): the search form on each directory page made some 300
template renders out of its 40 widgets. These widgets keep Django's context
(its ids, aria-invalid and aria-describedby, checked and selected) and write
the same bytes as those templates, stripped as Django's renderer strips them.
Anything else (a template of one's own, option groups) goes to the templates.
"""

import html

from django import forms
from django.utils.safestring import SafeString, mark_safe


def _escape(value) -> str:
    """conditional_escape(), without the lazy-string wrapper that costs more than the escaping."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _attrs(attrs: dict) -> str:
    """As attrs.html: False leaves an attribute out, True writes its bare name."""
    return "".join(
        f" {_escape(name)}" if value is True else f' {_escape(name)}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict) -> SafeString:
    """As input.html."""
    value = widget["value"]
    shown = "" if value is None else f' value="{_escape(value)}"'
    return mark_safe(  # noqa: S308  # every part escaped above
        f'<input type="{_escape(widget["type"])}" name="{_escape(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


class _WrittenInPython:
    """Writes the markup of the templates `markup()` knows; the others render as usual."""

    def markup(self, template_name: str, widget: dict) -> SafeString | None:
        raise NotImplementedError

    def _render(self, template_name, context, renderer=None):
        markup = self.markup(template_name, context["widget"])
        if markup is None:
            return super()._render(template_name, context, renderer)  # type: ignore[misc]  # Widget's, private in the stubs
        return markup


class _WrittenInput(_WrittenInPython):
    """An <input> widget, as input.html."""

    template_name: str

    def markup(self, template_name, widget):
        return _input(widget) if template_name == self.template_name else None


class TextInput(_WrittenInput, forms.TextInput):
    pass


class SearchInput(_WrittenInput, forms.SearchInput):
    pass


class CheckboxInput(_WrittenInput, forms.CheckboxInput):
    pass


class Select(_WrittenInPython, forms.Select):
    def markup(self, template_name, widget):
        if template_name != self.template_name or any(group for group, _, _ in widget["optgroups"]):
            return None
        # select_option.html ends in a newline that, included, is kept.
        options = "".join(
            f'\n  <option value="{_escape(option["value"])}"'
            f"{_attrs(option['attrs'])}>{_escape(option['label'])}</option>\n"
            for _, group_options, _ in widget["optgroups"]
            for option in group_options
        )
        name = _escape(widget["name"])
        return mark_safe(  # noqa: S308  # every part escaped above
            f'<select name="{name}"{_attrs(widget["attrs"])}>{options}\n</select>'
        )


class CheckboxSelectMultiple(_WrittenInPython, forms.CheckboxSelectMultiple):
    """Each box on its own (`{% for box in field %}{{ box.tag }}`) skips the templates;
    the whole group (`{{ field }}`) still uses them."""

    def markup(self, template_name, widget):
        if template_name != self.option_template_name or widget.get("wrap_label"):
            return None
        return _input(widget)
