"""Hand-made records for tests; reference data comes from fixtures/reference/."""

import uuid

import factory
from django.urls import reverse
from django.utils.text import slugify

from core.models import County, Language
from core.publishing import Status
from organizations.models import (
    Location,
    Organization,
    Phone,
    Population,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceType,
)


def county(slug: str) -> County:
    return County.objects.get(slug=slug)


def service_type(slug: str) -> ServiceType:
    return ServiceType.objects.get(slug=slug)


def population(slug: str) -> Population:
    return Population.objects.get(slug=slug)


def language(code: str) -> Language:
    return Language.objects.get(code=code)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Test Organization {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = "A test organization."
    status = Status.PUBLISHED
    is_sample = True


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    status = Status.PUBLISHED

    @factory.post_generation
    def types(self, create, extracted, **kwargs):
        if create and extracted:
            self.service_types.set(extracted)

    @factory.post_generation
    def counties_served(self, create, extracted, **kwargs):
        if create and extracted:
            self.counties.set(extracted)

    @factory.post_generation
    def populations_served(self, create, extracted, **kwargs):
        if create and extracted:
            self.populations.set(extracted)

    @factory.post_generation
    def languages_spoken(self, create, extracted, **kwargs):
        if create and extracted:
            self.languages.set(extracted)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    organization = factory.SubFactory(OrganizationFactory)
    name = "Main office"
    address_1 = "1200 Alder St"
    city = "Sacramento"
    zip_code = "95814"
    county = factory.LazyFunction(lambda: County.objects.get(slug="sacramento"))
    latitude = "38.580400"
    longitude = "-121.492200"


class PhoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Phone

    organization = factory.SubFactory(OrganizationFactory)
    number = factory.Sequence(lambda n: f"916-555-01{n % 100:02d}")


class ScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schedule

    location = factory.SubFactory(LocationFactory)
    weekday = Schedule.Weekday.MONDAY
    opens_at = "09:00"
    closes_at = "17:00"


def link_id(service, location) -> uuid.UUID:
    """The HSDS id of `service` at `location`: their ServiceAtLocation's uuid."""
    return ServiceAtLocation.objects.get(service=service, location=location).uuid


def county_url(slug: str) -> str:
    """The directory's page of a county."""
    return reverse("organizations:county", kwargs={"slug": slug})
