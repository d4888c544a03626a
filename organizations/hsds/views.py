"""The HSDS 3.0 read-only API: JSON over GET, published records only.

Every answer is JSON, errors included (400 for a bad parameter, 404 for an
unknown id, 405 for anything but GET/HEAD/OPTIONS; the rest is made JSON by
responses.HsdsApiMiddleware), in English or, when Accept-Language asks for
it, Spanish, and cacheable by anyone for a few minutes.
"""

import json
import uuid
from functools import partial
from typing import Any

from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from organizations.hsds import queries, serializers, taxonomy
from organizations.hsds.pagination import paginate
from organizations.hsds.params import ListParams, ParameterError, parse
from organizations.hsds.responses import api_error

HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
# The base HSDS 3.0 profile: this API adds no fields of its own.
PROFILE_URL = "https://docs.openreferral.org/en/3.0/hsds/"
LICENSE = {
    "name": "Open Data Commons Attribution License 1.0 (ODC-By)",
    "url": "https://opendatacommons.org/licenses/by/1-0/",
    "attribution": "CAS Directory, California Against Slavery",
}
NDJSON_CHUNK = 200
LIST_ENDPOINTS = (
    "organizations",
    "services",
    "service_at_locations",
    "taxonomies",
    "taxonomy_terms",
)
PAGING = frozenset({"page", "per_page", "format"})
# What HSDS lets a consumer ask of the services behind a list.
SERVICE_FILTERS = frozenset(
    {"search", "full", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after"}
)


# Nothing here changes anything and no cookie is read, so a CSRF check could
# only turn a client's POST into an HTML 403 instead of the JSON 405.
@method_decorator(csrf_exempt, name="dispatch")
class HsdsView(View):
    http_method_names = ["get", "head", "options"]
    accepted: frozenset[str] = frozenset()

    def dispatch(self, request, *args, **kwargs):
        try:
            response = super().dispatch(request, *args, **kwargs)
        except ParameterError as error:
            response = api_error(400, str(error))
        if response.status_code == 200:
            # Storable, but asked again every time: a location a curator makes
            # confidential must not stay in a proxy or client cache, which the
            # site cannot empty (its own page cache it can).
            patch_cache_control(response, public=True, no_cache=True)
        return response

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = api_error(405, f"{request.method} is not allowed: this API is read-only.")
        # View's own list of what this view answers; private, so not in django-stubs.
        allowed = self._allowed_methods()  # type: ignore[attr-defined]
        response["Allow"] = ", ".join(method.upper() for method in allowed)
        return response

    def params(self, **fixed) -> ListParams:
        return parse(self.request.GET, self.accepted, **fixed)

    # What each endpoint's mixin (OrganizationMixin...) provides to the list and detail views.
    def rows(self, params: ListParams) -> Any:
        """The published records, as a QuerySet or list."""
        raise NotImplementedError

    def item(self, found: Any, params: ListParams) -> dict:
        """One record as HSDS shows it."""
        raise NotImplementedError


class ListView(HsdsView):
    def get(self, request):
        params = self.params()
        rows = self.rows(params)
        item = partial(self.item, params=params)
        if params.ndjson:
            return StreamingHttpResponse(_lines(rows, item), content_type="application/x-ndjson")
        per_page = params.per_page
        if params.minimal:
            # HSDS: "aim to return all services within one call".
            per_page = max(rows.count(), 1)
        return JsonResponse(paginate(rows, params.page, per_page, item))


def _lines(rows, item):
    """Every record, one JSON document a line, read from the database in chunks."""
    records = rows.iterator(chunk_size=NDJSON_CHUNK) if hasattr(rows, "iterator") else rows
    for record in records:
        yield json.dumps(item(record), ensure_ascii=False) + "\n"


class DetailView(HsdsView):
    noun = "record"

    def get(self, request, id):
        params = self.params(full=True)
        try:
            key = uuid.UUID(id)
        except ValueError:
            found = None
        else:
            found = self.find(key, params)
        if found is None:
            return api_error(404, f"No published {self.noun} has this id.")
        return JsonResponse(self.item(found, params=params))

    def find(self, key: uuid.UUID, params: ListParams):
        return self.rows(params).filter(uuid=key).first()


class RootView(HsdsView):
    def get(self, request):
        endpoints = {
            name: request.build_absolute_uri(reverse(f"hsds:{name}")) for name in LIST_ENDPOINTS
        }
        return JsonResponse(
            {
                "version": HSDS_VERSION,
                "profile": PROFILE_URL,
                "openapi_url": OPENAPI_URL,
                "license": LICENSE,
                "name": "CAS Directory",
                "description": (
                    "California services for survivors of human trafficking, as Open Referral "
                    "HSDS 3.0. Published listings only; confidential locations carry no address "
                    "or coordinates; sample listings say so in their description."
                ),
                "endpoints": endpoints,
            }
        )


class OrganizationMixin:
    noun = "organization"

    def rows(self, params):
        return queries.organizations(params)

    def item(self, organization, params):
        if not params.full:
            return serializers.organization_summary(organization)
        return serializers.organization_full(organization, full_services=params.full_service)


class OrganizationList(OrganizationMixin, ListView):
    accepted = PAGING | {"search", "full", "full_service", "modified_after"}


class OrganizationDetail(OrganizationMixin, DetailView):
    accepted = frozenset({"full_service"})


class ServiceMixin:
    noun = "service"

    def rows(self, params):
        return queries.services(params)

    def item(self, service, params):
        if params.minimal:
            return serializers.service_minimal(service)
        if not params.full:
            return serializers.service_summary(service)
        return serializers.service_full(service)


class ServiceList(ServiceMixin, ListView):
    accepted = PAGING | SERVICE_FILTERS | {"minimal"}


class ServiceDetail(ServiceMixin, DetailView):
    pass


class ServiceAtLocationMixin:
    noun = "service_at_location"

    def rows(self, params):
        return queries.service_at_locations(params)

    def item(self, link, params):
        if not params.full:
            return serializers.service_at_location_summary(link)
        return serializers.service_at_location_full(link)


class ServiceAtLocationList(ServiceAtLocationMixin, ListView):
    accepted = PAGING | SERVICE_FILTERS | {"postcode", "proximity"}


class ServiceAtLocationDetail(ServiceAtLocationMixin, DetailView):
    pass


class TaxonomyMixin:
    noun = "taxonomy"

    def rows(self, params):
        return queries.taxonomies(params)

    def item(self, found, params):
        return taxonomy.taxonomy_data(found)


class TaxonomyList(TaxonomyMixin, ListView):
    accepted = PAGING | {"search"}


class TaxonomyDetail(TaxonomyMixin, DetailView):
    def find(self, key, params):
        return next((found for found in taxonomy.TAXONOMIES if found.id == key), None)


class TaxonomyTermMixin:
    noun = "taxonomy term"

    def rows(self, params):
        return queries.taxonomy_terms(params)

    def item(self, term, params):
        return taxonomy.term_data(term, detail=True)


class TaxonomyTermList(TaxonomyTermMixin, ListView):
    accepted = PAGING | {"search", "taxonomy_id", "top_only", "parent_id"}


class TaxonomyTermDetail(TaxonomyTermMixin, DetailView):
    def find(self, key, params):
        return queries.find_term(key)
