"""The directory's vocabularies as HSDS taxonomies and taxonomy terms.

Service types and populations are database terms with their own uuids. The
yes/no facts about a listing (free of charge, open 24/7, sample listing,
confidential location...) have no HSDS field of their own, so they are terms
of a third taxonomy defined here, attached to records as HSDS attributes:
consumers can read them and filter on them with `taxonomy_term_id` like any
other term. Their ids are derived from their codes (see ids.py), so they never
change.
"""

import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from organizations.hsds.ids import code_id
from organizations.models import Population, ServiceType

LANGUAGE = "en"


@dataclass(frozen=True)
class Taxonomy:
    code: str
    name: str
    description: str

    @property
    def id(self) -> uuid.UUID:
        return code_id(f"taxonomy:{self.code}")


@dataclass(frozen=True)
class Flag:
    """A term defined in code; it answers to the same names as a database term.

    `rule` names the ServiceQuerySet method that finds the services it applies to.
    """

    slug: str
    name: str
    description: str
    rule: str

    @property
    def uuid(self) -> uuid.UUID:
        return code_id(f"taxonomy_term:{FLAGS.code}:{self.slug}")

    def services(self, services: QuerySet) -> QuerySet:
        return getattr(services, self.rule)()


SERVICE_TYPES = Taxonomy(
    "service-types",
    "CAS Directory service types",
    "The kinds of help a service gives survivors of human trafficking.",
)
POPULATIONS = Taxonomy(
    "populations", "CAS Directory populations", "The people a service is meant for."
)
FLAGS = Taxonomy(
    "listing-flags",
    "CAS Directory listing flags",
    "Yes/no facts about a listing that HSDS has no field for.",
)
TAXONOMIES = (SERVICE_TYPES, POPULATIONS, FLAGS)

SAMPLE = Flag(
    "sample-listing",
    "Sample listing",
    "Fictional record made for demonstration: not a real organization or service.",
    "of_sample_organizations",
)
FREE = Flag("free-of-charge", "Free of charge", "The service costs nothing.", "free")
OPEN_24_7 = Flag("open-24-7", "Open 24/7", "Available 24 hours a day, 7 days a week.", "open_24_7")
ACCEPTS_REFERRALS = Flag(
    "accepts-referrals",
    "Accepts referrals",
    "Advocates and agencies can refer people.",
    "accepting_referrals",
)
REMOTE = Flag(
    "by-phone-or-online",
    "By phone or online",
    "Can be used without visiting a location.",
    "remote",
)
STATEWIDE = Flag("statewide", "Statewide", "Serves every California county.", "statewide")
CONFIDENTIAL = Flag(
    "confidential-location",
    "Confidential location",
    "A shelter or safe house: its street address and coordinates are withheld. "
    "Call for the location.",
    "at_confidential_locations",
)
FLAG_TERMS = (SAMPLE, FREE, OPEN_24_7, ACCEPTS_REFERRALS, REMOTE, STATEWIDE, CONFIDENTIAL)
FLAGS_BY_ID = {flag.uuid: flag for flag in FLAG_TERMS}

Term = ServiceType | Population | Flag


def taxonomy_data(taxonomy: Taxonomy) -> dict:
    return {"id": str(taxonomy.id), "name": taxonomy.name, "description": taxonomy.description}


def _name(term: Term) -> tuple[str, str]:
    """The term's name in the active language where it has one, and that language."""
    if isinstance(term, Flag):
        return term.name, LANGUAGE
    name = term.display_name
    return name, ("es" if name != term.name else LANGUAGE)


def _description(term: Term) -> str:
    if isinstance(term, Flag):
        return term.description
    return term.display_description


def term_data(term: Term, *, detail: bool = False) -> dict:
    """A taxonomy term; `detail` adds the whole taxonomy, as the term endpoints do."""
    taxonomy = term_taxonomy(term)
    name, language = _name(term)
    data: dict[str, Any] = {
        "id": str(term.uuid),
        "code": term.slug,
        "name": name,
        # Required by HSDS and never empty, even where a curator wrote none.
        "description": _description(term) or f"{name} ({taxonomy.name}).",
        "taxonomy": taxonomy.name,
        "taxonomy_id": str(taxonomy.id),
        "language": language,
    }
    if detail:
        data["taxonomy_detail"] = taxonomy_data(taxonomy)
    return data


def all_terms() -> list[Term]:
    """Every term of every taxonomy, in a fixed order (two queries)."""
    return [*ServiceType.objects.all(), *Population.objects.all(), *FLAG_TERMS]


def term_taxonomy(term: Term) -> Taxonomy:
    if isinstance(term, Flag):
        return FLAGS
    return SERVICE_TYPES if isinstance(term, ServiceType) else POPULATIONS
