"""The library's public pages: what a visitor sees, and what never leaks."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse

from core.publishing import Status
from resources.choices import CategorySlug
from resources.contributions import library_matches
from resources.models import Category, Resource
from tests.factories import OrganizationFactory
from tests.resources.factories import MINIMAL_PDF, ResourceFactory, audience, category

pytestmark = pytest.mark.django_db


def test_the_library_shows_the_six_categories_with_published_counts(client):
    Resource.objects.all().delete()
    ResourceFactory(category=category("research"))
    ResourceFactory(category=category("research"), status=Status.DRAFT)
    response = client.get(reverse("resources:index"))
    assert response.status_code == 200
    categories = list(response.context["categories"])
    assert [c.slug for c in categories] == list(CategorySlug.values)
    counts = {c.slug: c.published_count for c in categories}
    assert counts["research"] == 1
    assert counts["trainings"] == 0
    body = response.content.decode()
    for slug in CategorySlug.values:
        assert f'href="/resources/{slug}/"' in body
    assert 'action="/resources/search/"' in body


def test_the_library_shows_featured_and_latest_published_resources(client):
    featured = ResourceFactory(title="Featured guide", is_featured=True)
    hidden = ResourceFactory(title="Featured draft", is_featured=True, status=Status.DRAFT)
    ResourceFactory(title="Old archived", status=Status.ARCHIVED)
    latest = ResourceFactory(title="Newest addition")
    response = client.get(reverse("resources:index"))
    assert featured in response.context["featured"]
    assert hidden not in response.context["featured"]
    assert response.context["latest"][0] == latest
    body = response.content.decode()
    assert "Featured guide" in body
    assert "Featured draft" not in body
    assert "Old archived" not in body


@pytest.mark.parametrize("slug", CategorySlug.values)
def test_each_category_page_lists_only_its_published_resources(client, slug):
    this = category(slug)
    other = Category.objects.exclude(slug=slug).first()
    shown = ResourceFactory(title="Shown here", category=this)
    draft = ResourceFactory(title="A draft here", category=this, status=Status.DRAFT)
    archived = ResourceFactory(title="Archived here", category=this, status=Status.ARCHIVED)
    elsewhere = ResourceFactory(title="In another category", category=other)
    response = client.get(f"/resources/{slug}/")
    assert response.status_code == 200
    listed = set(response.context["paginator"].object_list)
    assert shown in listed
    assert {draft, archived, elsewhere}.isdisjoint(listed)
    assert listed == set(Resource.objects.published().filter(category=this))
    body = response.content.decode()
    assert "Shown here" in body
    for title in ("A draft here", "Archived here", "In another category"):
        assert title not in body
    assert f"<h1>{this.name}</h1>" in body


def test_category_pages_show_the_curators_introduction_sanitised(client):
    trainings = category("trainings")
    trainings.description = "Free **courses**. <script>alert(1)</script>"
    trainings.save()
    body = client.get("/resources/trainings/").content.decode()
    assert "<strong>courses</strong>" in body
    assert "alert(1)" not in body


def test_category_pages_are_paginated(client):
    ResourceFactory.create_batch(25, category=category("research"))
    first = client.get("/resources/research/")
    assert len(first.context["resources"]) == 20
    assert 'rel="next"' in first.content.decode()
    second = client.get("/resources/research/?page=2")
    assert second.status_code == 200
    assert len(second.context["resources"]) == first.context["paginator"].count - 20
    assert client.get("/resources/research/?page=99").status_code == 404
    assert client.get("/resources/research/?page=abc").status_code == 404


def test_spanish_pages_use_spanish_names_and_text(client):
    ResourceFactory(
        title="English title",
        title_es="Título en español",
        summary_es="Resumen en español.",
        category=category("legislation"),
    )
    body = client.get("/es/resources/legislation/").content.decode()
    assert '<html lang="es">' in body
    assert "<h1>Legislación</h1>" in body
    assert "Título en español" in body
    assert "Resumen en español." in body


def test_a_resource_page_shows_its_details(client):
    organization = OrganizationFactory(name="Harbor Light Coalition")
    draft_organization = OrganizationFactory(name="Unpublished Org", status=Status.DRAFT)
    resource = ResourceFactory(
        title="Working with survivors",
        publisher="Sample Publisher",
        body="# What you learn\n\nTo [call the hotline](tel:+18883737888).",
        url="https://www.example.org/course",
        for_audiences=[audience("educators")],
        offered_by=[organization, draft_organization],
    )
    response = client.get(resource.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    # The title sits in a span that says lang="en" only where English stands in
    # for the page's language (see core.translation.page_text); here it is English.
    assert "<h1><span>Working with survivors</span></h1>" in body
    assert "Sample resource — not a real publication" in body
    assert "<h2>What you learn</h2>" in body
    assert 'href="https://www.example.org/course" rel="noopener noreferrer"' in body
    assert "www.example.org" in body
    assert "Educators" in body
    assert organization.get_absolute_url() in body
    assert "Unpublished Org" not in body


def test_real_resources_carry_no_sample_label(client):
    resource = ResourceFactory(is_sample=False)
    body = client.get(resource.get_absolute_url()).content.decode()
    assert "Sample resource" not in body


def test_a_resource_body_is_sanitised_on_the_page(client):
    resource = ResourceFactory(
        body='<script>alert("x")</script> [bad](javascript:alert(1)) <img src=x onerror=alert(2)>'
    )
    body = client.get(resource.get_absolute_url()).content.decode()
    main = body[body.index("<main") : body.index("</main>")]
    assert "<script" not in main
    assert "javascript:" not in main
    assert "onerror" not in main


@pytest.mark.parametrize("status", [Status.DRAFT, Status.ARCHIVED])
def test_unpublished_resources_are_not_found(client, status):
    resource = ResourceFactory(status=status)
    assert client.get(resource.get_absolute_url()).status_code == 404
    assert client.get("/resources/no-such-resource/").status_code == 404


def test_related_resources_share_the_category_and_an_audience(client):
    educators, employers = audience("educators"), audience("employers")
    resource = ResourceFactory(for_audiences=[educators])
    related = ResourceFactory(title="Same category and audience", for_audiences=[educators])
    ResourceFactory(title="Other audience only", for_audiences=[employers])
    ResourceFactory(
        title="Other category",
        category=category("research"),
        for_audiences=[educators],
    )
    ResourceFactory(title="Unpublished relative", for_audiences=[educators], status=Status.DRAFT)
    response = client.get(resource.get_absolute_url())
    assert list(response.context["related"]) == [related]


def test_the_pdf_downloads_as_an_attachment_named_after_the_slug(client, media_root):
    resource = ResourceFactory(
        slug="know-your-rights",
        document=SimpleUploadedFile("scan 2024 (final).pdf", MINIMAL_PDF),
    )
    response = client.get(resource.get_download_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="know-your-rights.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    detail = client.get(resource.get_absolute_url()).content.decode()
    assert resource.get_download_url() in detail
    assert "stays in this device" in detail
    assert "scan 2024" not in detail
    assert resource.document.name not in detail


def test_downloads_are_refused_for_unpublished_or_missing_documents(client, media_root):
    draft = ResourceFactory(status=Status.DRAFT, document=SimpleUploadedFile("a.pdf", MINIMAL_PDF))
    without = ResourceFactory()
    gone = ResourceFactory(document=SimpleUploadedFile("b.pdf", MINIMAL_PDF))
    gone.document.storage.delete(gone.document.name)
    for resource in (draft, without, gone):
        assert client.get(resource.get_download_url()).status_code == 404
    assert client.post(draft.get_download_url()).status_code == 405


def test_category_slugs_route_to_categories_never_to_resources(client):
    for slug in CategorySlug.values:
        response = client.get(f"/resources/{slug}/")
        assert response.resolver_match.url_name == "category"
    resource = ResourceFactory(slug="trainings-for-nurses")
    assert client.get(resource.get_absolute_url()).resolver_match.url_name == "detail"


def test_the_about_page_tells_the_history(client):
    response = client.get(reverse("about"))
    assert response.status_code == 200
    body = response.content.decode()
    for fact in ("501(c)(4)", "501(c)(3)", "Proposition 35", "2012", "81%"):
        assert fact in body
    assert "Connected and Collaborating California" in body
    assert reverse("resources:detail", kwargs={"slug": "proposition-35-case-act"}) in body


def test_the_site_navigation_links_to_the_library(client):
    body = client.get("/").content.decode()
    assert 'href="/resources/"' in body
    library = client.get("/resources/").content.decode()
    assert 'href="/resources/" aria-current="page"' in library


def test_an_organization_page_links_the_resources_it_offers(client):
    organization = OrganizationFactory()
    training = ResourceFactory(title="Our outreach training", offered_by=[organization])
    ResourceFactory(title="Our draft guide", offered_by=[organization], status=Status.DRAFT)
    ResourceFactory(title="Someone else's guide", offered_by=[OrganizationFactory()])
    body = client.get(organization.get_absolute_url()).content.decode()
    assert "Trainings and materials from this organization" in body
    assert f'href="{training.get_absolute_url()}"' in body
    assert "Our draft guide" not in body
    assert "Someone else" not in body


def test_an_organization_without_resources_shows_no_resource_section(client):
    organization = OrganizationFactory()
    body = client.get(organization.get_absolute_url()).content.decode()
    assert "Trainings and materials from this organization" not in body


def test_the_directory_search_can_show_matching_library_resources(client):
    Resource.objects.all().delete()
    for number in range(5):
        ResourceFactory(title=f"Zephyr guide {number}")
    ResourceFactory(title="Zephyr draft", status=Status.DRAFT)
    # A blank keyword asks the library nothing.
    assert client.get("/search/?q=++").context["sections"] == []
    section = library_matches("zephyr")
    html = render_to_string(section.template, section.context)
    assert html.count("<li>") == 3
    assert "Zephyr draft" not in html
    assert 'href="/resources/search/?q=zephyr"' in html
    assert library_matches("nothing-like-this") is None
    body = client.get("/search/?q=zephyr").content.decode()
    assert body.count("Zephyr guide") == 3


def test_only_unfiltered_category_pages_are_offered_to_search_engines(client):
    noindex = '<meta name="robots" content="noindex, follow">'
    assert noindex not in client.get("/resources/trainings/").content.decode()
    assert noindex in client.get("/resources/trainings/?audience=educators").content.decode()
    assert noindex in client.get("/resources/search/?q=law").content.decode()
