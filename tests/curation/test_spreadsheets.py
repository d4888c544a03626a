"""CSV export of the current filter, and imports previewed before anything is saved."""

import csv
import io
import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.publishing import Status
from organizations.models import Location, Organization, Phone
from tests.factories import LocationFactory, OrganizationFactory, PhoneFactory, county

pytestmark = pytest.mark.django_db

ORGANIZATION_COLUMNS = [
    "uuid",
    "name",
    "alternate_name",
    "slug",
    "status",
    "description",
    "description_es",
    "website",
    "email",
    "phones",
    "last_verified_on",
    "verified_by",
    "is_sample",
]


def export_csv(client, model="organization", **filters) -> list[dict]:
    url = reverse(f"admin:organizations_{model}_export")
    page = client.get(url, filters)
    form = page.context["form"]
    columns = {
        name: "on"
        for name, field in form.fields.items()
        if getattr(field, "is_selectable_field", False)
    }
    query = "?" + "&".join(f"{key}={value}" for key, value in filters.items())
    response = client.post(url + query, {"format": "0", "resource": "0", **columns})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def to_csv(rows: list[dict], encoding="utf-8-sig") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def preview(client, data: bytes, model="organization"):
    upload = SimpleUploadedFile("listings.csv", data, content_type="text/csv")
    return client.post(
        reverse(f"admin:organizations_{model}_import"),
        {"format": "0", "resource": "0", "import_file": upload},
    )


def confirm(client, previewed, model="organization"):
    form = previewed.context["confirm_form"]
    return client.post(
        reverse(f"admin:organizations_{model}_process_import"),
        {name: form[name].value() for name in form.fields},
        follow=True,
    )


def history_size() -> int:
    return Organization.history.count() + Phone.history.count() + Location.history.count()


@pytest.fixture
def listings():
    first = OrganizationFactory(
        name="Harbor Light",
        slug="harbor-light",
        website="https://harbor.example.org",
        last_verified_on=date(2025, 4, 1),
        description="Línea de ayuda — «24 horas».",
    )
    PhoneFactory(organization=first, number="(916) 555-0142")
    PhoneFactory(organization=first, number="800-555-0199", extension="12", kind="hotline")
    second = OrganizationFactory(name="Valley Refuge", slug="valley-refuge", status=Status.DRAFT)
    LocationFactory(organization=first, name="Downtown", county=county("sacramento"))
    return first, second


def test_export_follows_the_changelist_filter(admin_client, listings):
    rows = export_csv(admin_client, status__exact="published")
    assert [row["name"] for row in rows] == ["Harbor Light"]
    assert list(rows[0]) == ORGANIZATION_COLUMNS
    assert rows[0]["phones"] == "(916) 555-0142; 800-555-0199 ext. 12 (hotline)"
    assert rows[0]["description"] == "Línea de ayuda — «24 horas»."
    assert {row["name"] for row in export_csv(admin_client)} == {"Harbor Light", "Valley Refuge"}


def test_export_then_import_changes_nothing(admin_client, listings):
    rows = export_csv(admin_client)
    phone_ids = set(Phone.objects.values_list("uuid", flat=True))
    updated = dict(Organization.objects.values_list("pk", "updated_at"))
    before = history_size()

    previewed = preview(admin_client, to_csv(rows))
    result = previewed.context["result"]
    assert not result.has_errors()
    assert not result.has_validation_errors()
    assert result.totals["skip"] == 2
    assert result.totals["new"] == result.totals["update"] == 0
    confirm(admin_client, previewed)

    assert history_size() == before
    assert set(Phone.objects.values_list("uuid", flat=True)) == phone_ids
    assert dict(Organization.objects.values_list("pk", "updated_at")) == updated


def test_the_preview_shows_creates_and_changes_and_saves_nothing(
    admin_client, admin_user, listings
):
    rows = export_csv(admin_client)
    harbor = next(row for row in rows if row["slug"] == "harbor-light")
    harbor["website"] = "https://new.example.org"
    harbor["phones"] = "916-555-0142; 916-555-0111 (text)"
    rows.append(dict.fromkeys(rows[0], "") | {"name": "New Dawn", "description": "Help."})

    previewed = preview(admin_client, to_csv(rows))
    result = previewed.context["result"]
    assert (result.totals["new"], result.totals["update"], result.totals["skip"]) == (1, 1, 1)
    body = previewed.content.decode()
    assert re.search(r"<del[^>]*>harbor</del><ins[^>]*>new</ins>", body), "the change is shown"
    assert "New Dawn" in body
    assert not Organization.objects.filter(name="New Dawn").exists()
    assert Organization.objects.get(slug="harbor-light").website == "https://harbor.example.org"
    assert Phone.objects.count() == 2

    kept = Phone.objects.get(number="(916) 555-0142")
    messages = confirm(admin_client, previewed).content.decode()
    assert "1 new, 1 updated" in messages
    created = Organization.objects.get(name="New Dawn")
    assert (created.slug, created.status) == ("new-dawn", Status.DRAFT)
    harbor_now = Organization.objects.get(slug="harbor-light")
    assert harbor_now.website == "https://new.example.org"
    phones = list(harbor_now.phones.order_by("sort_order"))
    assert [(p.number, p.kind) for p in phones] == [
        ("(916) 555-0142", "voice"),
        ("916-555-0111", "text"),
    ]
    assert phones[0].uuid == kept.uuid, "an unchanged number keeps its record"
    record = harbor_now.history.order_by("-history_id").first()
    assert (record.history_user, record.history_change_reason) == (admin_user, "CSV import")


def test_a_new_verification_date_records_the_importer(admin_client, admin_user, listings):
    rows = export_csv(admin_client, slug="harbor-light")
    rows[0]["last_verified_on"] = "2026-02-01"
    confirm(admin_client, preview(admin_client, to_csv(rows)))
    harbor = Organization.objects.get(slug="harbor-light")
    assert (harbor.last_verified_on, harbor.verified_by) == (date(2026, 2, 1), admin_user)


def test_bad_rows_are_refused_one_by_one_and_nothing_is_written(admin_client, listings):
    blank = dict.fromkeys(ORGANIZATION_COLUMNS, "") | {"description": "Help."}
    rows = [
        blank | {"name": "", "slug": "nameless"},
        blank | {"name": "Bad phone", "phones": "916-555-01; 800-555-0199 (hotline)"},
        blank | {"name": "Taken slug", "slug": "harbor-light"},
        blank | {"name": "Twin one", "slug": "twins"},
        blank | {"name": "Twin two", "slug": "twins"},
        blank | {"name": "Bad kind", "phones": "916-555-0100 (pager)"},
        blank | {"name": "Bad flag", "is_sample": "maybe"},
        blank | {"name": "Good row"},
    ]
    before = (Organization.objects.count(), history_size())

    previewed = preview(admin_client, to_csv(rows))

    result = previewed.context["result"]
    errors = {row.number: row.error_dict for row in result.invalid_rows}
    assert set(errors) == {1, 2, 3, 5, 6, 7}
    assert "name" in errors[1]
    assert "916-555-01" in errors[2]["phones"][0]
    assert "already exists" in errors[3]["slug"][0]
    assert "already exists" in errors[5]["slug"][0]
    assert "pager" in errors[6]["phones"][0]
    assert "maybe" in errors[7]["is_sample"][0]
    assert "confirm_form" not in previewed.context
    body = previewed.content.decode()
    assert "Enter a 10-digit U.S. phone number" in body
    assert (Organization.objects.count(), history_size()) == before


def test_unknown_counties_and_organizations_are_refused(admin_client, listings):
    rows = export_csv(admin_client, model="location")
    good = rows[0]
    rows = [
        good | {"uuid": "", "name": "Atlantis office", "county": "Atlantis"},
        good | {"uuid": "", "name": "Orphan", "organization": "no-such-organization"},
        good | {"uuid": "", "name": "By FIPS", "county": "06019"},
        good | {"uuid": "", "name": "With suffix", "county": "Fresno County"},
    ]
    previewed = preview(admin_client, to_csv(rows), model="location")
    errors = {row.number: row.error_dict for row in previewed.context["result"].invalid_rows}
    assert set(errors) == {1, 2}
    assert "no California county called “Atlantis”" in errors[1]["county"][0]
    assert "no-such-organization" in errors[2]["organization"][0]
    assert Location.objects.count() == 1


def test_a_file_in_the_wrong_encoding_is_refused_with_advice(admin_client, listings):
    rows = [
        dict.fromkeys(ORGANIZATION_COLUMNS, "") | {"name": "Café Esperanza", "description": "Sí"}
    ]
    previewed = preview(admin_client, to_csv(rows, encoding="cp1252"))
    assert previewed.status_code == 200
    assert "CSV UTF-8 (Comma delimited)" in previewed.content.decode()
    assert not Organization.objects.filter(name__startswith="Caf").exists()


def test_curators_cannot_publish_through_a_spreadsheet(curator_client, listings):
    rows = export_csv(curator_client, slug="valley-refuge")
    rows[0]["status"] = "published"
    rows.append(dict.fromkeys(rows[0], "") | {"name": "Sneaky", "status": "published"})
    previewed = preview(curator_client, to_csv(rows))
    errors = {row.number: row.error_dict for row in previewed.context["result"].invalid_rows}
    assert set(errors) == {1, 2}
    assert "editor-in-chief" in errors[1]["status"][0]
    assert Organization.objects.get(slug="valley-refuge").status == Status.DRAFT


def test_editors_can_publish_through_a_spreadsheet(editor_client, listings):
    rows = export_csv(editor_client, slug="valley-refuge")
    rows[0]["status"] = "published"
    confirm(editor_client, preview(editor_client, to_csv(rows)))
    assert Organization.objects.get(slug="valley-refuge").status == Status.PUBLISHED


def test_confirmation_is_all_or_nothing(admin_client, listings):
    blank = dict.fromkeys(ORGANIZATION_COLUMNS, "") | {"description": "Help."}
    rows = [blank | {"name": "First new"}, blank | {"name": "Second new", "slug": "second"}]
    previewed = preview(admin_client, to_csv(rows))
    assert "confirm_form" in previewed.context
    # Between preview and confirmation someone takes the second row's slug.
    OrganizationFactory(slug="second")
    response = confirm(admin_client, previewed)
    assert "Nothing was imported" in response.content.decode()
    assert not Organization.objects.filter(name="First new").exists()


def test_confidential_addresses_never_leave_in_a_spreadsheet(admin_client, listings):
    shelter = LocationFactory(
        organization=listings[0],
        name="Safe house",
        address_1="77 Hidden Way",
        is_confidential=True,
    )
    rows = export_csv(admin_client, model="location")
    row = next(row for row in rows if row["name"] == "Safe house")
    assert (row["address_1"], row["latitude"], row["longitude"]) == ("", "", "")
    assert "77 Hidden Way" not in str(rows)

    previewed = preview(admin_client, to_csv(rows), model="location")
    assert previewed.context["result"].totals["skip"] == len(rows)
    confirm(admin_client, previewed, model="location")
    shelter.refresh_from_db()
    assert shelter.address_1 == "77 Hidden Way"
    assert shelter.latitude is not None


def test_a_sheet_of_new_listings_may_leave_out_the_id_column(admin_client):
    data = b"name,description,phones\nNorth Star,Shelter.,707-555-0123 (hotline)\n"
    response = confirm(admin_client, preview(admin_client, data))
    assert "1 new" in response.content.decode()
    north_star = Organization.objects.get(name="North Star")
    assert north_star.phones.get().kind == "hotline"
