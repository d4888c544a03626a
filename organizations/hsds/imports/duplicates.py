"""Does an incoming organization look like one we already list?

Same normalized phone number, same website host, or a very similar name in
the same county. The index is built once per import from three queries, so
checking 10,000 records costs no more queries than checking one.
"""

import difflib
import re
from collections import defaultdict
from urllib.parse import urlsplit

from organizations.models import Location, Organization, Phone
from organizations.validators import phone_digits

SIMILAR_NAME = 0.9
# Hosts shared by many unrelated organizations say nothing about identity.
SHARED_HOSTS = {"facebook.com", "sites.google.com", "linktr.ee", "example.org", "example.com"}


def website_host(url: str) -> str:
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return host.removeprefix("www.")


def simple_name(name: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", name.lower()).strip()


class DuplicateIndex:
    def __init__(self):
        self.by_phone: dict[str, int] = {}
        for number, organization_id in Phone.objects.values_list("number", "organization_id"):
            digits = phone_digits(number)
            if len(digits) == 10:
                self.by_phone.setdefault(digits, organization_id)
        self.by_host: dict[str, int] = {}
        self.names: dict[int, str] = {}
        for pk, name, website in Organization.objects.values_list("pk", "name", "website"):
            self.names[pk] = simple_name(name)
            host = website_host(website) if website else ""
            if host and host not in SHARED_HOSTS:
                self.by_host.setdefault(host, pk)
        self.by_county: dict[str, set[int]] = defaultdict(set)
        for organization_id, county in Location.objects.values_list(
            "organization_id", "county__name"
        ):
            self.by_county[county].add(organization_id)

    def match(
        self, name: str, website: str, phones: list[str], counties: set[str]
    ) -> tuple[int, str] | None:
        """(existing organization pk, why) for the first rule that holds."""
        for number in phones:
            digits = phone_digits(number)
            if digits in self.by_phone:
                return self.by_phone[digits], f"same phone number {number}"
        host = website_host(website) if website else ""
        if host in self.by_host:
            return self.by_host[host], f"same website {host}"
        wanted = simple_name(name)
        for county in counties:
            for pk in self.by_county.get(county, ()):
                ratio = difflib.SequenceMatcher(None, wanted, self.names[pk]).ratio()
                if ratio >= SIMILAR_NAME:
                    return pk, f"a very similar name in {county} County"
        return None
