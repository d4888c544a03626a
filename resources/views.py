from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView, TemplateView

from resources.filters import ResourceFilter
from resources.models import Category, Resource

FEATURED_ON_INDEX = 6
LATEST_ON_INDEX = 5
RELATED_ON_DETAIL = 4


class LibraryView(TemplateView):
    """The six categories, featured material, the latest additions and a search box."""

    template_name = "resources/index.html"

    def get_context_data(self, **kwargs):
        published = Resource.objects.published()
        featured = list(published.filter(is_featured=True).for_listing()[:FEATURED_ON_INDEX])
        # A featured resource that is also new is shown once, under "Featured".
        latest = published.recently_added().exclude(pk__in=[r.pk for r in featured])
        return super().get_context_data(
            categories=Category.objects.with_published_counts(),
            featured=featured,
            latest=latest.for_listing()[:LATEST_ON_INDEX],
            **kwargs,
        )


class ResourceListView(ListView):
    """Published resources, filtered by the GET form and paginated."""

    template_name = "resources/list.html"
    context_object_name = "resources"
    paginate_by = 20
    category: Category | None = None
    heading = _("Search the resource library")

    def get_queryset(self):
        published = Resource.objects.published()
        if self.category is not None:
            published = published.in_category(self.category)
        self.filterset = ResourceFilter(
            self.request.GET or None, queryset=published, category=self.category
        )
        return self.filterset.qs.for_listing()

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            category=self.category,
            heading=self.category.display_name if self.category else self.heading,
            filter=self.filterset,
            show_category=self.category is None,
            is_filtered=any(query.values()),
            query_without_page=query.urlencode(),
            **kwargs,
        )


class CategoryView(ResourceListView):
    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, slug=kwargs["category"])
        return super().get(request, *args, **kwargs)


class ResourceDetailView(DetailView):
    template_name = "resources/detail.html"
    context_object_name = "resource"

    def get_queryset(self):
        return Resource.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        related = Resource.objects.published().related_to(self.object).for_listing()
        return super().get_context_data(related=related[:RELATED_ON_DETAIL], **kwargs)


def pdf_download(resource) -> FileResponse:
    """The resource's PDF as an attachment named after its slug, never its uploaded name."""
    try:
        handle = resource.document.storage.open(resource.document.name, "rb")
    except OSError as error:
        raise Http404(_("The document is missing.")) from error
    return FileResponse(
        handle,
        as_attachment=True,
        filename=resource.download_filename,
        content_type="application/pdf",
    )


@require_safe
def download(request, slug):
    """A published resource's PDF; drafts' and archived resources' files stay private."""
    resource = get_object_or_404(Resource.objects.published().exclude(document=""), slug=slug)
    return pdf_download(resource)
