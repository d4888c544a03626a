"""What a results page lists, read back from its context.

A page's results (`organizations.models.search_results.Result`) carry ids, not
organizations: a page whose cards are kept loads none.
"""

from organizations.models import Organization, Service


def listed(response) -> list[Organization]:
    """The organizations listed, in order, each with the `distance`, `is_local` and
    `listed_services` (the services that matched) its result gave it."""
    results = response.context["organizations"]
    found = Organization.objects.in_bulk([result.pk for result in results])
    services = Service.objects.in_bulk([pk for result in results for pk in result.service_ids])
    organizations = []
    for result in results:
        organization = found[result.pk]
        organization.distance = result.distance
        organization.is_local = result.is_local
        organization.listed_services = sorted(
            (services[pk] for pk in result.service_ids), key=lambda service: service.name
        )
        organizations.append(organization)
    return organizations


def listed_names(response) -> list[str]:
    return [organization.name for organization in listed(response)]
