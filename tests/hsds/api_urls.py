"""Every HSDS API response for the current data, for the site-wide safety checks.

Lists are asked for whole (largest page, plain and fully nested) and every
published organization, service and service-at-location is asked for by id,
so a test that plants a confidential location can check that no response
shows it. Meant for test data sets, not for a full directory.
"""

from django.urls import reverse

from organizations.hsds.pagination import MAX_PER_PAGE
from organizations.hsds.taxonomy import TAXONOMIES
from organizations.models import Organization, Service, ServiceAtLocation, ServiceType

LIST_VARIANTS = {
    "organizations": ("", "&full=true", "&full=true&full_service=true"),
    "services": ("", "&full=true"),
    "service_at_locations": ("", "&full=true"),
}


def api_urls() -> list[str]:
    urls = [reverse("hsds:root")]
    for name, variants in LIST_VARIANTS.items():
        urls += [f"{reverse(f'hsds:{name}')}?per_page={MAX_PER_PAGE}{v}" for v in variants]
    urls += [reverse("hsds:taxonomies"), reverse("hsds:taxonomy_terms")]
    for organization in Organization.objects.published():
        url = reverse("hsds:organization", kwargs={"id": organization.uuid})
        urls += [url, f"{url}?full_service=true"]
    for service in Service.objects.published():
        urls.append(reverse("hsds:service", kwargs={"id": service.uuid}))
    links = ServiceAtLocation.objects.filter(service__in=Service.objects.published())
    for sal_id in links.values_list("uuid", flat=True):
        urls.append(reverse("hsds:service_at_location", kwargs={"id": sal_id}))
    urls += [reverse("hsds:taxonomy", kwargs={"id": taxonomy.id}) for taxonomy in TAXONOMIES]
    term = ServiceType.objects.first()
    if term is not None:
        urls.append(reverse("hsds:taxonomy_term", kwargs={"id": term.uuid}))
    return urls
