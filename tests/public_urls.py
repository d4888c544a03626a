"""Every public page, for the site-wide smoke and safety tests.

Each later page adds itself here, so that the smoke, privacy and
accessibility checks cover it without being told.
"""

from django.urls import reverse

from core.models import County
from organizations.models import Organization, VerificationRequest
from organizations.providers.links import make_token
from resources.models import Category, Resource
from tests.factories import county_url


def public_urls() -> list[str]:
    county = County.objects.get(slug="sacramento")
    organization = Organization.objects.published().order_by("pk").first()
    urls = ["/", county_url(county.slug), "/safety/", "/privacy/"]
    if organization is not None:
        urls.append(organization.get_absolute_url())
        urls += [
            reverse("organizations:suggest", args=[organization.slug]),
            reverse("organizations:suggest_thanks", args=[organization.slug]),
            provider_url(organization),
        ]
    urls += ["/coverage/", "/coverage/?type=legal-services", reverse("providers:thanks")]
    urls += library_urls()
    urls += directory_search_urls()
    return urls + ["/es" + url for url in urls]


def provider_url(organization: Organization) -> str:
    """The page a verification link opens (a request is made for it if there is none)."""
    request = VerificationRequest.objects.filter(
        organization=organization, answered_at=None
    ).first() or VerificationRequest.objects.create(
        organization=organization, email="listings@example.org", language="en"
    )
    return reverse("providers:listing", kwargs={"token": make_token(request)})


def directory_search_urls() -> list[str]:
    """The search page empty, with results, with no result, and with a bad value."""
    return [
        "/search/",
        "/search/?q=legal&zip=95814&free=1",
        "/search/?county=alpine&service_type=law-enforcement&population=minors&language=hy",
        "/search/?county=nowhere&zip=abc",
        "/counties/los-angeles/?service_type=legal-services&page=2",
    ]


def library_urls() -> list[str]:
    """The resource library's pages (from fixtures/resources.json) and the About page."""
    resource = Resource.objects.published().order_by("pk").first()
    urls = ["/resources/", "/resources/search/?q=law", "/about/"]
    urls += [category.get_absolute_url() for category in Category.objects.all()]
    if resource is not None:
        urls.append(resource.get_absolute_url())
    return urls
