from organizations.models.location import Location, Phone, Schedule
from organizations.models.organization import Organization, OrganizationQuerySet
from organizations.models.service import Service, ServiceQuerySet
from organizations.models.suggestion import Suggestion
from organizations.models.taxonomy import County, Language, Population, ServiceType

__all__ = [
    "County",
    "Language",
    "Location",
    "Organization",
    "OrganizationQuerySet",
    "Phone",
    "Population",
    "Schedule",
    "Service",
    "ServiceQuerySet",
    "ServiceType",
    "Suggestion",
]
