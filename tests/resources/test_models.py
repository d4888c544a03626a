import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import translation

from core.publishing import Status
from resources.choices import CategorySlug, TraffickingType
from resources.models import Resource
from resources.validators import RESERVED_SLUGS
from tests.resources.factories import ResourceFactory, audience, category

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_archived():
    shown = ResourceFactory()
    ResourceFactory(status=Status.DRAFT)
    ResourceFactory(status=Status.ARCHIVED)
    published = Resource.objects.published()
    assert shown in published
    assert set(published.values_list("status", flat=True)) == {Status.PUBLISHED}


@pytest.mark.parametrize(
    ("kind", "matches"),
    [
        (TraffickingType.SEX, {"sex", "both"}),
        (TraffickingType.LABOR, {"labor", "both"}),
        (TraffickingType.BOTH, {"both"}),
    ],
)
def test_about_counts_material_on_both_kinds(kind, matches):
    Resource.objects.all().delete()
    for value in TraffickingType.values:
        ResourceFactory(title=value, trafficking_type=value)
    assert set(Resource.objects.about(kind).values_list("title", flat=True)) == matches


def test_related_to_needs_the_same_category_and_a_shared_audience():
    educators = audience("educators")
    resource = ResourceFactory(for_audiences=[educators, audience("survivors")])
    match = ResourceFactory(for_audiences=[educators])
    ResourceFactory(for_audiences=[audience("employers")])
    ResourceFactory(for_audiences=[educators], category=category("research"))
    ResourceFactory(for_audiences=[])
    assert list(Resource.objects.related_to(resource)) == [match]


def test_a_resource_without_audiences_has_no_related_resources():
    resource = ResourceFactory(for_audiences=[])
    ResourceFactory(for_audiences=[])
    assert not Resource.objects.related_to(resource).exists()


def test_reserved_slugs_cover_every_category_and_the_search_page():
    assert set(CategorySlug.values) | {"search"} == RESERVED_SLUGS
    for slug in RESERVED_SLUGS:
        with pytest.raises(ValidationError) as raised:
            ResourceFactory.build(slug=slug).full_clean()
        assert "slug" in raised.value.message_dict


def test_a_resource_needs_something_to_read():
    resource = ResourceFactory.build(url="", body="  ", category=category("research"))
    with pytest.raises(ValidationError):
        resource.full_clean()
    # And the database refuses it too, whatever path the row takes.
    resource.body = ""
    with pytest.raises(IntegrityError), transaction.atomic():
        resource.save()


def test_uploads_get_a_random_name_that_keeps_nothing_of_the_original(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    names = []
    for _ in range(2):
        resource = ResourceFactory(
            document=ContentFile(b"%PDF-1.4 notes", name="Maria Lopez - case notes.pdf")
        )
        names.append(resource.document.name)
    first, second = names
    assert re.fullmatch(r"resources/[0-9a-f]{32}\.pdf", first)
    assert first != second
    assert "Maria" not in first


def test_text_follows_the_language():
    resource = ResourceFactory.build(
        title_en="Title", title_es="Título", summary_en="Summary", summary_es="", body="Body"
    )
    with translation.override("es"):
        assert resource.title == "Título"
        assert resource.summary == "Summary", "English stands in for a missing translation"
    with translation.override("en"):
        assert resource.title == "Title"


def test_the_download_name_comes_from_the_slug():
    resource = ResourceFactory.build(slug="know-your-rights")
    assert resource.download_filename == "know-your-rights.pdf"


def test_saving_records_history():
    resource = ResourceFactory(title="First")
    resource.title = "Second"
    resource.save()
    assert [h.title for h in resource.history.all()] == ["Second", "First"]
