from organizations.models.interchange import PossibleDuplicate, TaxonomyMapping
from organizations.models.location import Location, Phone, Schedule
from organizations.models.organization import Organization, OrganizationQuerySet
from organizations.models.service import Service, ServiceQuerySet
from organizations.models.service_at_location import ServiceAtLocation
from organizations.models.suggestion import Suggestion
from organizations.models.taxonomy import Population, ServiceType
from organizations.models.verification_proposal import Proposal
from organizations.models.verification_request import VerificationRequest

__all__ = [
    "Location",
    "Organization",
    "OrganizationQuerySet",
    "Phone",
    "Population",
    "PossibleDuplicate",
    "Proposal",
    "Schedule",
    "Service",
    "ServiceAtLocation",
    "ServiceQuerySet",
    "ServiceType",
    "Suggestion",
    "TaxonomyMapping",
    "VerificationRequest",
]
