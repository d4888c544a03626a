"""The curator back office for listings: importing the modules registers them."""

from organizations.admin import (
    dashboard,
    location,
    organization,
    suggestions,
    taxonomy,
    verification,
)

__all__ = ["dashboard", "location", "organization", "suggestions", "taxonomy", "verification"]
