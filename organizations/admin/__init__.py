"""The curator back office for listings: importing the modules registers them."""

from organizations.admin import (
    dashboard,
    hsds_export,
    hsds_import,
    hsds_queue,
    location,
    organization,
    suggestions,
    taxonomy,
    verification,
)

__all__ = [
    "dashboard",
    "hsds_export",
    "hsds_import",
    "hsds_queue",
    "location",
    "organization",
    "suggestions",
    "taxonomy",
    "verification",
]
