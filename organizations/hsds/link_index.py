"""Finding a service-at-location by its derived id.

The id is a hash of the service's and the location's uuids (ids.py), so the
database cannot look it up. Hashing every link on each request costs about
half a second with 27,000 links, and anyone could ask for random ids; so the
hashes are kept in the cache, for every link whatever its status (a hash
never changes, and visibility is checked by the caller's query). A miss
rebuilds the index only if the links changed since it was built, which one
aggregate query tells.
"""

import uuid

from django.core.cache import cache
from django.db.models import Count, Max, Sum

from organizations.hsds.ids import service_at_location_id
from organizations.models import Location

ServiceAtLocation = Location.services.through
CACHE_KEY = "hsds:service-at-location-index:v1"


def _fingerprint() -> tuple:
    """Changes whenever a link is added or removed, even if its key is reused."""
    totals = ServiceAtLocation.objects.aggregate(
        count=Count("pk"), last=Max("pk"), services=Sum("service_id"), locations=Sum("location_id")
    )
    return tuple(totals.values())


def _build(fingerprint: tuple) -> dict[bytes, int]:
    pairs = ServiceAtLocation.objects.values_list("pk", "service__uuid", "location__uuid")
    index = {
        service_at_location_id(service_uuid, location_uuid).bytes: pk
        for pk, service_uuid, location_uuid in pairs.order_by().iterator(chunk_size=5000)
    }
    cache.set(CACHE_KEY, (fingerprint, index), timeout=None)
    return index


def link_pk(sal_id: uuid.UUID) -> int | None:
    """The key of the Location.services row whose derived id is `sal_id`, if any."""
    cached = cache.get(CACHE_KEY)
    if cached is not None and sal_id.bytes in cached[1]:
        return cached[1][sal_id.bytes]
    fingerprint = _fingerprint()
    if cached is not None and cached[0] == fingerprint:
        return None
    return _build(fingerprint).get(sal_id.bytes)
