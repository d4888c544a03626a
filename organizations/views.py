from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView, TemplateView

from organizations.models import County, Organization


class HomeView(TemplateView):
    template_name = "organizations/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counties"] = County.objects.all()
        return context


class CountyView(ListView):
    template_name = "organizations/county.html"
    context_object_name = "organizations"
    paginate_by = 20

    def get_queryset(self):
        self.county = get_object_or_404(County, slug=self.kwargs["slug"])
        return Organization.objects.published().serving_county(self.county).for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["county"] = self.county
        return context


class OrganizationDetailView(DetailView):
    template_name = "organizations/detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.published().for_detail()
