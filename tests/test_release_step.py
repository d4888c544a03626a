"""The release step (migrate, then load_reference_data) never overwrites curators' work."""

from io import StringIO

import pytest
from django.core.management import call_command

from core.models import County, Language
from organizations.models import ServiceType
from resources.models import Category

pytestmark = pytest.mark.django_db


def release() -> str:
    output = StringIO()
    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_reference_data", stdout=output)
    return output.getvalue()


def test_curators_edits_of_reference_data_survive_two_releases():
    County.objects.filter(slug="fresno").update(latitude="36.750000")
    legislation = Category.objects.get(slug="legislation")
    legislation.description = "Laws, in our curators' own words."
    legislation.save()
    # Renamed, slug and all: the fixture's row must not come back beside it.
    legal = ServiceType.objects.get(slug="legal-services")
    legal.name, legal.slug = "Legal help", "legal-help"
    legal.save()
    counts = {model: model.objects.count() for model in (County, Language, Category, ServiceType)}

    for _ in range(2):
        assert release() == "Reference data is complete: nothing to add.\n"

    assert str(County.objects.get(slug="fresno").latitude) == "36.750000"
    assert Category.objects.get(slug="legislation").description == (
        "Laws, in our curators' own words."
    )
    assert not ServiceType.objects.filter(slug="legal-services").exists()
    assert ServiceType.objects.get(slug="legal-help").name == "Legal help"
    assert counts == {model: model.objects.count() for model in counts}


def test_a_missing_reference_row_is_added_back_once():
    Language.objects.filter(code="ko").delete()
    assert release() == "Added 1 language.\n"
    assert Language.objects.get(code="ko").name == "Korean"
    assert release() == "Reference data is complete: nothing to add.\n"
