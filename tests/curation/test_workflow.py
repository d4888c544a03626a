"""Publish, archive and "mark verified today": who may, what changes, what history says."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from core.publishing import Status
from organizations.models import Organization
from organizations.verification import months_before
from tests.curation.conftest import change_form_data
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:organizations_organization_changelist")


def run_action(client, action, *organizations):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [o.pk for o in organizations]},
        follow=True,
    )


def latest_history(organization):
    return organization.history.order_by("-history_id").first()


def test_publish_makes_drafts_public_and_records_who(editor_client, editor):
    draft = OrganizationFactory(status=Status.DRAFT)
    archived = OrganizationFactory(status=Status.ARCHIVED)
    already = OrganizationFactory(status=Status.PUBLISHED)
    before = already.history.count()

    response = run_action(editor_client, "publish", draft, archived, already)

    assert response.status_code == 200
    assert set(Organization.objects.published()) == {draft, archived, already}
    body = response.content.decode()
    assert "2 organizations published." in body
    assert "1 was already in that state" in body
    record = latest_history(draft)
    assert (record.status, record.history_user) == (Status.PUBLISHED, editor)
    assert record.history_change_reason == "Published (bulk action)"
    assert already.history.count() == before, "an unchanged record gets no history entry"
    assert editor_client.get(draft.get_absolute_url()).status_code == 200


def test_archive_takes_listings_off_the_site(editor_client, editor):
    listing = OrganizationFactory(status=Status.PUBLISHED)
    run_action(editor_client, "archive", listing)
    listing.refresh_from_db()
    assert listing.status == Status.ARCHIVED
    assert latest_history(listing).history_user == editor
    assert editor_client.get(listing.get_absolute_url()).status_code == 404


def test_mark_verified_today_sets_date_and_verifier(curator_client, curator):
    stale = OrganizationFactory(last_verified_on=date(2020, 1, 1))
    never = OrganizationFactory(last_verified_on=None)
    untouched = OrganizationFactory(last_verified_on=date(2020, 1, 1))

    response = run_action(curator_client, "mark_verified_today", stale, never)

    assert "2 organizations marked as verified today by you." in response.content.decode()
    for listing in (stale, never):
        listing.refresh_from_db()
        assert listing.last_verified_on == timezone.localdate()
        assert listing.verified_by == curator
        record = latest_history(listing)
        assert (record.last_verified_on, record.verified_by_id) == (
            timezone.localdate(),
            curator.pk,
        )
    untouched.refresh_from_db()
    assert untouched.last_verified_on == date(2020, 1, 1)


def test_curators_cannot_publish_or_archive(curator_client):
    draft = OrganizationFactory(status=Status.DRAFT)
    response = curator_client.get(CHANGELIST)
    actions = dict(response.context["action_form"].fields["action"].choices)
    assert "mark_verified_today" in actions
    assert "publish" not in actions
    assert "archive" not in actions
    # A hand-made POST is refused the same way.
    run_action(curator_client, "publish", draft)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_curators_see_status_but_cannot_change_it(curator_client):
    listing = OrganizationFactory(status=Status.DRAFT, name="Old name")
    url = reverse("admin:organizations_organization_change", args=[listing.pk])
    page = curator_client.get(url)
    assert "status" not in page.context["adminform"].form.fields
    data = change_form_data(page) | {"name": "New name", "status": Status.PUBLISHED}
    response = curator_client.post(url, data)
    assert response.status_code == 302
    listing.refresh_from_db()
    assert (listing.name, listing.status) == ("New name", Status.DRAFT)


def test_new_listings_from_curators_start_as_drafts(curator_client):
    response = curator_client.post(
        reverse("admin:organizations_organization_add"),
        {
            "name": "Harbor Light",
            "slug": "harbor-light",
            # The description is entered per language; English is required.
            "description_en": "Help.",
            "status": Status.PUBLISHED,
            "verification_language": "en",
            **empty_inlines(),
        },
    )
    assert response.status_code == 302
    assert Organization.objects.get(slug="harbor-light").status == Status.DRAFT


def test_a_curator_reverting_to_a_published_version_does_not_publish(curator_client, editor):
    listing = OrganizationFactory(status=Status.PUBLISHED, name="First name")
    published_version = latest_history(listing)
    listing.status = Status.ARCHIVED
    listing.name = "Second name"
    listing.save()
    url = reverse(
        "admin:organizations_organization_simple_history",
        args=[listing.pk, published_version.history_id],
    )
    page = curator_client.get(url)
    assert page.status_code == 200
    response = curator_client.post(url, change_form_data(page))
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.name == "First name", "the content is reverted"
    assert listing.status == Status.ARCHIVED, "but the status stays the editor's decision"


def test_editors_revert_everything_including_status(editor_client):
    listing = OrganizationFactory(status=Status.PUBLISHED, name="First name")
    published_version = latest_history(listing)
    listing.status, listing.name = Status.ARCHIVED, "Second name"
    listing.save()
    url = reverse(
        "admin:organizations_organization_simple_history",
        args=[listing.pk, published_version.history_id],
    )
    editor_client.post(url, change_form_data(editor_client.get(url)))
    listing.refresh_from_db()
    assert (listing.name, listing.status) == ("First name", Status.PUBLISHED)


def test_save_and_mark_verified_button(curator_client, curator):
    listing = OrganizationFactory(last_verified_on=date(2021, 5, 1))
    url = reverse("admin:organizations_organization_change", args=[listing.pk])
    page = curator_client.get(url)
    assert 'name="_verify"' in page.content.decode()
    response = curator_client.post(url, change_form_data(page) | {"_verify": "1"})
    assert response.status_code == 302
    assert response["Location"] == url, "stays on the page"
    listing.refresh_from_db()
    assert (listing.last_verified_on, listing.verified_by) == (timezone.localdate(), curator)


def test_typing_a_verification_date_records_the_verifier(curator_client, curator):
    listing = OrganizationFactory(last_verified_on=None)
    url = reverse("admin:organizations_organization_change", args=[listing.pk])
    data = change_form_data(curator_client.get(url)) | {"last_verified_on": "2026-03-02"}
    curator_client.post(url, data)
    listing.refresh_from_db()
    assert (listing.last_verified_on, listing.verified_by) == (date(2026, 3, 2), curator)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 3, 31), 1, date(2026, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 2, 29)),
        (date(2026, 1, 15), 12, date(2025, 1, 15)),
        (date(2026, 6, 30), 6, date(2025, 12, 30)),
    ],
)
def test_months_before_clamps_to_the_end_of_shorter_months(day, months, expected):
    assert months_before(day, months) == expected


def empty_inlines() -> dict:
    data: dict[str, str] = {}
    for prefix in ("phones", "services", "locations"):
        data |= {
            f"{prefix}-TOTAL_FORMS": "0",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
    return data
