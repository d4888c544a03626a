from functools import partial

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import Http404
from django.templatetags.static import static
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.views.generic import DetailView, ListView, TemplateView

from core import contributions, page_cache
from core.models import County
from organizations.cards import result_cards
from organizations.coverage import coverage
from organizations.filters import DirectoryFilterSet
from organizations.hours import california_now, is_open_at
from organizations.models import Organization
from organizations.structured_data import map_markers, organization_json_ld

PAGE_SIZE = 20
# Past any real directory; a bigger number would overflow the OFFSET before showing the last page.
MAX_PAGE = 100_000


def map_settings() -> dict:
    """What the map script needs; nothing from another origin until asked."""
    return {
        "counties": static("geo/california-counties.geojson"),
        "tiles": settings.STREET_MAP_TILE_URL,
        "tilesAttribution": settings.STREET_MAP_ATTRIBUTION,
        "zoomIn": gettext("Zoom in"),
        "zoomOut": gettext("Zoom out"),
    }


def coverage_until_change():
    """The home page's coverage map and table, cached until the next change to the data.

    Its counts group every published service: about 1 s of SQL at 10,000
    organizations (three grouped scans), for numbers that only change when a
    listing does, which bumps the version in the key.
    """
    return page_cache.until_change("home-coverage", coverage)


class HomeView(TemplateView):
    template_name = "organizations/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read only while the template's cached part is rendered, once a change.
        context["counties"] = SimpleLazyObject(
            lambda: page_cache.rows_until_change(County.objects.all())
        )
        context["filter"] = SimpleLazyObject(DirectoryFilterSet)
        # The county map is drawn on the server: the home page loads no map script.
        context["coverage"] = SimpleLazyObject(coverage_until_change)
        return context


class SearchView(ListView):
    """The directory search: one GET form, results, removable filter chips."""

    template_name = "organizations/search.html"
    context_object_name = "organizations"
    paginate_by = PAGE_SIZE

    def get_filterset(self):
        return DirectoryFilterSet(self.request.GET)

    def get_queryset(self):
        self.filterset = self.get_filterset()
        place = self.filterset.place
        self.search = Organization.objects.search_results(
            self.filterset.qs,
            near=(place.zip_code.latitude, place.zip_code.longitude) if place else None,
            ranked=bool(self.filterset.keyword),
            county=self.filterset.searched_county,
            browsing=self.filterset.browsing,
        )
        return self.search

    def paginate_queryset(self, queryset, page_size):
        # A page number past the end or not a number shows the nearest page,
        # not an error: people edit and share these addresses.
        try:
            number = min(max(1, int(self.request.GET.get("page", 1))), MAX_PAGE)
        except (TypeError, ValueError):
            number = 1
        self.results_page = queryset.page(number, page_size)
        paginator = Paginator(queryset, page_size)
        # The count came with the page's rows (SearchResults.page()), as far as it was read.
        paginator.count = self.results_page.total
        page = Page(self.results_page.results, self.results_page.number, paginator)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        keyword = self.filterset.keyword
        cards = result_cards(self.results_page.results, self.search, self.filterset.searched_county)
        context.update(
            cards=cards,
            filter=self.filterset,
            active_filters=self.filterset.active_filters(self.request.GET),
            filter_summary=self.filterset.summary(),
            today=california_now().date(),
            query_without_page=query.urlencode(),
            place=self.filterset.place,
            ordering=self.filterset.ordering,
            searched_county=self.filterset.searched_county,
            local_count=self.results_page.local_count,
            results_page=self.results_page,
            markers=[marker for card in cards for marker in card.markers],
            map_settings=map_settings(),
            sections=contributions.SEARCH_RESULTS.sections(keyword) if keyword else [],
        )
        return context


class CountyView(SearchView):
    template_name = "organizations/county.html"

    def get_filterset(self):
        # From the cached rows the search form reads too: no query for the county.
        counties = page_cache.rows_until_change(County.objects.all())
        county = next((c for c in counties if c.slug == self.kwargs["slug"]), None)
        if county is None:
            raise Http404
        self.county = county
        return DirectoryFilterSet(self.request.GET, county=county)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["county"] = self.county
        context["map_settings"]["county"] = self.county.slug
        return context


class OrganizationDetailView(DetailView):
    template_name = "organizations/detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return Organization.objects.published().for_detail()

    def get_object(self, queryset=None):
        """The organization with everything its page shows, loaded once per change.

        Its nine queries cost 6 ms of SQL and three times that in the ORM at
        10,000 listings; the rows only change through a watched model, which
        starts a new version. Whether a place is open is worked out afresh on
        every request (get_context_data).
        """
        slug = self.kwargs["slug"]
        organization = page_cache.until_change(f"organization:{slug}", partial(self.load, slug))
        if organization is None:
            raise Http404
        return organization

    def load(self, slug: str) -> Organization | None:
        organization = self.get_queryset().filter(slug=slug).first()
        if organization is not None:
            organization.share_phones()
        return organization

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organization = self.object
        now = california_now()
        for location in organization.locations.all():
            schedules = location.schedules.all()
            location.open_now = is_open_at(schedules, now) if schedules else None
        markers = map_markers([organization])
        context.update(
            json_ld=organization_json_ld(
                organization, self.request.build_absolute_uri(organization.get_absolute_url())
            ),
            # One place needs no map: its address is on the page already.
            markers=markers if len(markers) > 1 else [],
            map_settings=map_settings(),
            sections=contributions.ORGANIZATION_PAGE.sections(organization),
        )
        return context
