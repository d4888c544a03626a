import re

import pytest
from django.core.management import call_command

from organizations.models import Location, Organization, Phone, Schedule, Service

pytestmark = pytest.mark.django_db


def test_sample_data_is_fictional_labelled_and_spread_over_counties():
    call_command("load_sample_data", verbosity=0)
    organizations = Organization.objects.all()
    assert organizations.count() >= 40
    assert not organizations.filter(is_sample=False).exists()
    assert Location.objects.filter(is_confidential=True).exists()
    assert Location.objects.values("county").distinct().count() >= 40
    assert Schedule.objects.exists()
    assert Service.objects.filter(is_statewide=True).exists()
    for number in Phone.objects.values_list("number", flat=True):
        assert re.fullmatch(r"\d{3}-555-01\d{2}", number), number


def test_sample_data_reload_replaces_samples_and_keeps_real_listings():
    real = Organization.objects.create(name="Real", slug="real", description="x", is_sample=False)
    call_command("load_sample_data", count=5, verbosity=0)
    call_command("load_sample_data", count=5, verbosity=0)
    assert Organization.objects.filter(is_sample=True).count() == 5
    assert Organization.objects.filter(pk=real.pk).exists()


def test_sample_data_is_deterministic():
    call_command("load_sample_data", count=5, seed=3, verbosity=0)
    first = list(Organization.objects.order_by("slug").values_list("slug", flat=True))
    call_command("load_sample_data", count=5, seed=3, verbosity=0)
    assert list(Organization.objects.order_by("slug").values_list("slug", flat=True)) == first
