"""Every public page, for the site-wide smoke and safety tests.

Each later page adds itself here, so that the smoke, privacy and
accessibility checks cover it without being told.
"""

from organizations.models import County, Organization


def public_urls() -> list[str]:
    county = County.objects.get(slug="sacramento")
    organization = Organization.objects.published().order_by("pk").first()
    urls = ["/", county.get_absolute_url()]
    if organization is not None:
        urls.append(organization.get_absolute_url())
    return urls + ["/es" + url for url in urls]
