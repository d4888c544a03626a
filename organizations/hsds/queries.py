"""Every query the HSDS API makes, shaped in one place.

Visibility comes only from the QuerySet methods (`published()`); the views
never filter on status. Each function selects and prefetches exactly what the
serializers read, so a page costs the same number of queries whatever its
size (tests/hsds/test_queries.py pins the numbers).
"""

import operator
import uuid
from datetime import datetime
from functools import reduce

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from organizations.hsds import taxonomy
from organizations.hsds.ids import service_at_location_id
from organizations.hsds.link_index import link_pk
from organizations.hsds.params import ListParams
from organizations.models import (
    Location,
    Organization,
    Phone,
    Population,
    Schedule,
    Service,
    ServiceType,
)
from organizations.zip_codes import lookup_zip

ServiceAtLocation = Location.services.through


def _phones() -> QuerySet:
    return Phone.objects.prefetch_related("languages").order_by("sort_order", "pk")


def public_locations() -> QuerySet:
    """Locations of published organizations, with what a full location shows."""
    return (
        Location.objects.filter(organization__in=Organization.objects.published())
        .select_related("organization", "county")
        .prefetch_related(
            Prefetch(
                "schedules",
                queryset=Schedule.objects.order_by("weekday", "opens_at", "pk"),
                to_attr="hsds_schedules",
            ),
            # A phone that belongs to a service is listed under that service.
            Prefetch("phones", queryset=_phones().filter(service=None), to_attr="hsds_phones"),
        )
        .order_by("name", "pk")
    )


def _service_prefetches(prefix: str = "", *, with_locations: bool = True) -> list:
    lookups = [
        f"{prefix}service_types",
        f"{prefix}populations",
        f"{prefix}languages",
        f"{prefix}counties",
        Prefetch(f"{prefix}phones", queryset=_phones(), to_attr="hsds_phones"),
    ]
    if with_locations:
        lookups.append(
            Prefetch(f"{prefix}locations", queryset=public_locations(), to_attr="hsds_locations")
        )
    return lookups


def _modified_since(field: str, moment: datetime | None) -> Q:
    return Q(**{f"{field}__gte": moment}) if moment else Q()


def _term_filter(term_id: uuid.UUID) -> Q:
    """Services tagged with a term of any taxonomy, flags included."""
    flag = taxonomy.FLAGS_BY_ID.get(term_id)
    if flag is not None:
        return _FLAG_FILTERS[flag]
    types = Service.service_types.through.objects.filter(
        service=OuterRef("pk"), servicetype__uuid=term_id
    )
    populations = Service.populations.through.objects.filter(
        service=OuterRef("pk"), population__uuid=term_id
    )
    return Q(Exists(types)) | Q(Exists(populations))


def _taxonomy_filter(taxonomy_id: uuid.UUID) -> Q:
    """Services tagged with any term of a taxonomy; nothing for an unknown one."""
    if taxonomy_id == taxonomy.SERVICE_TYPES.id:
        return Q(Exists(Service.service_types.through.objects.filter(service=OuterRef("pk"))))
    if taxonomy_id == taxonomy.POPULATIONS.id:
        return Q(Exists(Service.populations.through.objects.filter(service=OuterRef("pk"))))
    if taxonomy_id == taxonomy.FLAGS.id:
        return reduce(operator.or_, _FLAG_FILTERS.values())
    return Q(pk__in=[])


# The service fields behind each listing flag (see taxonomy.py).
_FLAG_FILTERS = {
    taxonomy.SAMPLE: Q(organization__is_sample=True),
    taxonomy.FREE: Q(is_free=True),
    taxonomy.OPEN_24_7: Q(is_24_7=True),
    taxonomy.ACCEPTS_REFERRALS: Q(accepts_referrals=True),
    taxonomy.REMOTE: Q(is_remote=True),
    taxonomy.STATEWIDE: Q(is_statewide=True),
    taxonomy.CONFIDENTIAL: Q(
        Exists(
            ServiceAtLocation.objects.filter(service=OuterRef("pk"), location__is_confidential=True)
        )
    ),
}


def _filtered_services(params: ListParams) -> QuerySet:
    # The site's own keyword search: full text and misspellings on PostgreSQL.
    services = Service.objects.published().matching_keyword(params.search)
    if params.organization_id:
        services = services.filter(organization__uuid=params.organization_id)
    if params.taxonomy_term_id:
        services = services.filter(_term_filter(params.taxonomy_term_id))
    if params.taxonomy_id:
        services = services.filter(_taxonomy_filter(params.taxonomy_id))
    return services


def organizations(params: ListParams) -> QuerySet:
    found = (
        Organization.objects.published()
        .filter(_modified_since("updated_at", params.modified_after))
        .order_by("name", "pk")
    )
    if params.search:
        # Through the services' stored, indexed search text, which holds the
        # organization's names and description too: searching organizations'
        # own text took a second on PostgreSQL with 10,000 of them.
        services = Service.objects.published().matching_keyword(params.search)
        found = found.filter(Exists(services.filter(organization=OuterRef("pk"))))
    if not params.full:
        return found
    services = Service.objects.published().order_by("name", "pk")
    if params.full_service:
        services = services.prefetch_related(*_service_prefetches())
    return found.prefetch_related(
        Prefetch("locations", queryset=public_locations(), to_attr="hsds_locations"),
        # Phones of a service or a location are listed there.
        Prefetch(
            "phones",
            queryset=_phones().filter(service=None, location=None),
            to_attr="hsds_phones",
        ),
        Prefetch("services", queryset=services, to_attr="hsds_services"),
    )


def services(params: ListParams) -> QuerySet:
    found = (
        _filtered_services(params)
        .filter(_modified_since("updated_at", params.modified_after))
        .select_related("organization")
        # Best matches first when searching, else in the order they were made:
        # sorting 25,000 services by name for each page cost more than the rest.
        .order_by(*(("-relevance", "pk") if params.search else ("pk",)))
    )
    if params.full:
        found = found.prefetch_related(*_service_prefetches())
    return found


def service_at_locations(params: ListParams) -> QuerySet:
    """Rows of the Location.services link: a published service at a public location."""
    found = ServiceAtLocation.objects.filter(
        service__in=_filtered_services(params).values("pk"),
        location__in=Location.objects.filter(organization__in=Organization.objects.published()),
    )
    if params.taxonomy_term_id == taxonomy.CONFIDENTIAL.uuid:
        # The flag belongs to the location itself, not to the service's others.
        found = found.filter(location__is_confidential=True)
    if params.modified_after:
        found = found.filter(
            _modified_since("service__updated_at", params.modified_after)
            | _modified_since("location__updated_at", params.modified_after)
        )
    if params.postcode:
        found = found.filter(_serving_postcode(params.postcode))
    found = found.select_related(
        "service__organization", "location__organization", "location__county"
    ).order_by("pk")
    if params.full:
        found = found.prefetch_related(
            *_service_prefetches("service__", with_locations=False),
            Prefetch(
                "location__schedules",
                queryset=Schedule.objects.order_by("weekday", "opens_at", "pk"),
                to_attr="hsds_schedules",
            ),
            Prefetch(
                "location__phones", queryset=_phones().filter(service=None), to_attr="hsds_phones"
            ),
        )
    return found


def _serving_postcode(postcode: str) -> Q:
    """Services whose area covers the ZIP code's county (statewide ones cover all)."""
    place = lookup_zip(postcode)
    if place is None:
        return Q(pk__in=[])
    return Q(service__is_statewide=True) | Q(
        Exists(
            Service.counties.through.objects.filter(
                service=OuterRef("service"), county__name=place.county_name
            )
        )
    )


def find_service_at_location(sal_id: uuid.UUID, params: ListParams):
    """The published link row behind a derived service_at_location id, or None."""
    pk = link_pk(sal_id)
    link = None if pk is None else service_at_locations(params).filter(pk=pk).first()
    # SQLite may give a deleted row's key to a new link: the pair must still match.
    if link is None or service_at_location_id(link.service.uuid, link.location.uuid) != sal_id:
        return None
    return link


def _matches(text: str, *values: str) -> bool:
    return all(any(word in value.lower() for value in values) for word in text.lower().split())


def taxonomies(params: ListParams) -> list[taxonomy.Taxonomy]:
    return [t for t in taxonomy.TAXONOMIES if _matches(params.search, t.name, t.description)]


def taxonomy_terms(params: ListParams) -> list[taxonomy.Term]:
    """Every term, filtered in memory: there are a few dozen, in two small tables."""
    if params.parent_id:
        # The taxonomies are flat: no term has a parent (and every term is top_only).
        return []
    terms = taxonomy.all_terms()
    if params.taxonomy_id:
        terms = [t for t in terms if taxonomy.term_taxonomy(t).id == params.taxonomy_id]
    return [t for t in terms if _matches(params.search, t.slug, t.name, t.description)]


def find_term(term_id: uuid.UUID) -> taxonomy.Term | None:
    return (
        taxonomy.FLAGS_BY_ID.get(term_id)
        or ServiceType.objects.filter(uuid=term_id).first()
        or Population.objects.filter(uuid=term_id).first()
    )
