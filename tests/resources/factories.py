"""Resources for tests; categories and audiences come from fixtures/resources.json."""

import factory
from django.utils.text import slugify

from core.publishing import Status
from resources.models import Audience, Category, Resource

# The smallest file every PDF reader opens: a header, one empty page, a trailer.
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def category(slug: str) -> Category:
    return Category.objects.get(slug=slug)


def audience(slug: str) -> Audience:
    return Audience.objects.get(slug=slug)


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Test resource {n}")
    slug = factory.LazyAttribute(lambda r: slugify(r.title))
    category = factory.LazyFunction(lambda: category("trainings"))
    summary = "A resource made for a test."
    url = "https://example.org/material"
    status = Status.PUBLISHED
    is_sample = True

    @factory.post_generation
    def for_audiences(self, create, extracted, **kwargs):
        if create and extracted:
            self.audiences.set(extracted)

    @factory.post_generation
    def in_languages(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)

    @factory.post_generation
    def in_counties(self, create, extracted, **kwargs):
        if create and extracted:
            self.counties.set(extracted)

    @factory.post_generation
    def offered_by(self, create, extracted, **kwargs):
        if create and extracted:
            self.organizations.set(extracted)
