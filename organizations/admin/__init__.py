"""The curator back office for listings: importing the modules registers them."""

from organizations.admin import location, organization, suggestions, taxonomy

__all__ = ["location", "organization", "suggestions", "taxonomy"]
