"""Places on one app's pages where another app may add a section.

The directory's search page lists matching library resources, and an
organization's page the resources it offers, yet neither app imports the
other: the page asks its slot for sections, and whichever app has
something to show registers a provider in its `ready()`. Each provider
returns a `Section` (a template and its context) or None.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Section:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


Provider = Callable[..., Section | None]


class Slot:
    def __init__(self, description: str):
        self.description = description
        self._providers: dict[str, Provider] = {}

    def register(self, name: str, provider: Provider) -> None:
        """Add `provider` under `name`; registering a name again replaces it."""
        self._providers[name] = provider

    def sections(self, *args: Any) -> list[Section]:
        found = (provider(*args) for provider in self._providers.values())
        return [section for section in found if section is not None]


# Called with the cleaned keyword of a directory search (never blank).
SEARCH_RESULTS = Slot("beside the directory's search results")
# Called with a published organization.
ORGANIZATION_PAGE = Slot("on an organization's page")
