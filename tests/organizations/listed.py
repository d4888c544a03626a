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
    searched = response.context["view"].search.services
    organizations = []
    for result in results:
        organization = found[result.pk]
        organization.distance = result.distance
        organization.is_local = result.is_local
        if result.service_ids is None:
            matching = searched.filter(organization=organization)
        else:
            matching = Service.objects.filter(pk__in=result.service_ids)
        organization.listed_services = list(matching.order_by("name"))
        organizations.append(organization)
    return organizations


def listed_names(response) -> list[str]:
    return [organization.name for organization in listed(response)]
