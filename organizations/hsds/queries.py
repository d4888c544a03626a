"""Every query the HSDS API makes, shaped in one place.

Visibility and every filter come from the models' QuerySet methods
(`published()`, `serving()`, `of_types()`...); the views never filter on
status. Each function selects and prefetches exactly what the serializers
read, so a page costs the same number of queries whatever its size
(tests/hsds/test_queries.py pins the numbers).
"""

import operator
import uuid
from datetime import datetime
from functools import reduce

from django.db.models import Prefetch, Q, QuerySet

from core.models import County
from organizations.hsds import taxonomy
from organizations.hsds.params import ListParams, Proximity
from organizations.models import (
    Location,
    Organization,
    Phone,
    Population,
    Service,
    ServiceAtLocation,
    ServiceQuerySet,
    ServiceType,
)
from organizations.models.location import PhoneQuerySet
from organizations.zip_codes import lookup_zip


def _phones() -> PhoneQuerySet:
    return Phone.objects.prefetch_related("languages")


def _locations(prefix: str = "") -> list:
    """What a full location shows, under `prefix` (such as "location__")."""
    return [
        f"{prefix}schedules",
        # A phone that belongs to a service is listed under that service.
        Prefetch(f"{prefix}phones", queryset=_phones().outside_services(), to_attr="own_phones"),
    ]


def public_locations() -> QuerySet:
    """Locations of published organizations, with what a full location shows."""
    return (
        Location.objects.published()
        .select_related("organization", "county")
        .prefetch_related(*_locations())
        .order_by("name", "pk")
    )


def _links() -> QuerySet:
    """A service's service_at_locations, with what a full location shows."""
    return (
        ServiceAtLocation.objects.filter(location__in=Location.objects.published())
        .select_related("location__organization", "location__county")
        .prefetch_related(*_locations("location__"))
        .order_by("location__name", "location__pk")
    )


def _service_prefetches(prefix: str = "", *, with_locations: bool = True) -> list:
    lookups = [
        f"{prefix}service_types",
        f"{prefix}populations",
        f"{prefix}languages",
        f"{prefix}counties",
        Prefetch(f"{prefix}phones", queryset=_phones()),
    ]
    if with_locations:
        lookups.append(Prefetch(f"{prefix}location_links", queryset=_links()))
    return lookups


def _modified_since(field: str, moment: datetime | None) -> Q:
    return Q(**{f"{field}__gte": moment}) if moment else Q()


def _any_of(*services: QuerySet) -> Q:
    """Services in any of the querysets, each shaped by its own rule."""
    return reduce(operator.or_, (Q(pk__in=found.values("pk")) for found in services))


def _tagged(services: QuerySet, term_id: uuid.UUID) -> QuerySet:
    """Services tagged with a term of any taxonomy, flags included."""
    flag = taxonomy.FLAGS_BY_ID.get(term_id)
    if flag is not None:
        return flag.services(services)
    return services.filter(
        _any_of(
            Service.objects.of_types(ServiceType.objects.filter(uuid=term_id)),
            Service.objects.for_populations(Population.objects.filter(uuid=term_id)),
        )
    )


def _in_taxonomy(services: ServiceQuerySet, taxonomy_id: uuid.UUID) -> QuerySet:
    """Services tagged with any term of a taxonomy; nothing for an unknown one."""
    if taxonomy_id == taxonomy.SERVICE_TYPES.id:
        return services.of_types(ServiceType.objects.all())
    if taxonomy_id == taxonomy.POPULATIONS.id:
        return services.for_populations(Population.objects.all())
    if taxonomy_id == taxonomy.FLAGS.id:
        return services.filter(
            _any_of(*(flag.services(Service.objects.all()) for flag in taxonomy.FLAG_TERMS))
        )
    return services.none()


def _filtered_services(params: ListParams) -> QuerySet:
    # The site's own keyword search: full text and misspellings on PostgreSQL.
    services = Service.objects.published().matching_keyword(params.search)
    if params.organization_id:
        services = services.filter(organization__uuid=params.organization_id)
    if params.taxonomy_term_id:
        services = _tagged(services, params.taxonomy_term_id)
    if params.taxonomy_id:
        services = _in_taxonomy(services, params.taxonomy_id)
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
        found = found.offering(Service.objects.published().matching_keyword(params.search))
    if not params.full:
        return found
    services = Service.objects.published().order_by("name", "pk")
    if params.full_service:
        services = services.prefetch_related(*_service_prefetches())
    return found.prefetch_related(
        Prefetch("locations", queryset=public_locations()),
        # Phones of a service or a location are listed there.
        Prefetch("phones", queryset=_phones().organization_level(), to_attr="organization_phones"),
        Prefetch("services", queryset=services, to_attr="published_services"),
    )


def services(params: ListParams) -> QuerySet:
    if params.minimal:
        # Just what a consumer needs to see what changed: no joins at all.
        return (
            _filtered_services(params)
            .filter(_modified_since("updated_at", params.modified_after))
            .order_by("pk")
            .only("uuid", "updated_at")
        )
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
    """Published services at the locations of published organizations."""
    found = ServiceAtLocation.objects.filter(
        service__in=_filtered_services(params).values("pk"),
        location__in=Location.objects.published(),
    )
    if params.taxonomy_term_id == taxonomy.CONFIDENTIAL.uuid:
        # The flag belongs to the location itself, not to the service's others.
        found = found.at_confidential_locations()
    if params.modified_after:
        found = found.filter(
            _modified_since("service__updated_at", params.modified_after)
            | _modified_since("location__updated_at", params.modified_after)
        )
    if params.proximity is not None:
        found = found.filter(location__in=_near(params, params.proximity))
    elif params.postcode:
        found = found.filter(service__in=_serving_postcode(params.postcode))
    found = found.select_related(
        "service__organization", "location__organization", "location__county"
    ).order_by("pk")
    if params.full:
        found = found.prefetch_related(
            *_service_prefetches("service__", with_locations=False),
            *_locations("location__"),
        )
    return found


METERS_PER_MILE = 1609.344


def _near(params: ListParams, proximity: Proximity) -> QuerySet:
    """Public locations within the distance of the given point or the postcode's centre."""
    latitude, longitude = proximity.latitude, proximity.longitude
    if latitude is None or longitude is None:
        place = lookup_zip(params.postcode)
        if place is None:
            return Location.objects.none()
        latitude, longitude = float(place.latitude), float(place.longitude)
    return Location.objects.within(latitude, longitude, proximity.meters / METERS_PER_MILE)


def _serving_postcode(postcode: str) -> QuerySet:
    """Services whose area covers the ZIP code's county (statewide ones cover all)."""
    place = lookup_zip(postcode)
    if place is None:
        return Service.objects.none()
    return Service.objects.serving(County.objects.filter(name=place.county_name))


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
