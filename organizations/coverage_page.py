"""The coverage page, /coverage/: counts by county and service type, a table and a map."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from organizations.coverage import LEVELS, coverage
from organizations.models import ServiceType


class CoverageForm(forms.Form):
    type = forms.ModelChoiceField(
        label=_("Type of help"),
        queryset=ServiceType.objects.order_by("sort_order", "name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All types of help"),
    )


class CoverageView(TemplateView):
    template_name = "organizations/coverage.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = CoverageForm(self.request.GET or None)
        chosen = form.cleaned_data["type"] if form.is_valid() else None
        context["form"] = form
        context["coverage"] = coverage(chosen)
        context["levels"] = LEVELS
        return context

    def render_to_response(self, context, **response_kwargs):
        # An unknown type is the visitor's mistake: say so (with the page) rather than guess.
        if context["form"].errors:
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)
