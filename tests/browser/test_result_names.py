"""Each result (a listing or a resource) is an <article> a screen reader names: listing the page's
articles (or landmarks) reads out the organization or title, not "article" twenty times."""

import re

import pytest
from playwright.sync_api import expect

from organizations.sample_data import SampleDirectory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def directory(reference_data):
    SampleDirectory(count=60, seed=5).build()


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_every_result_article_is_named_after_its_organization(page_factory, directory, prefix):
    page = page_factory()
    for url in [
        "/search/?county=fresno&service_type=legal-services&population=adults",
        "/search/?zip=95814",
        "/counties/los-angeles/",
        "/search/?q=legal",
    ]:
        page.goto(prefix + url)
        results = page.locator("main article.result")
        assert results.count() > 0, f"{prefix}{url} has no result to look at"
        for result in results.all():
            heading = result.locator(".result__name").inner_text().strip()
            assert heading, f"a result on {prefix}{url} has an empty heading"
            expect(result).to_have_accessible_name(re.compile(rf"^\s*{re.escape(heading)}\s*$"))


@pytest.mark.parametrize("prefix", ["", "/es"])
def test_every_resource_card_is_named_after_its_title(page_factory, reference_data, prefix):
    page = page_factory()
    for url in ["/resources/", "/resources/trainings/", "/resources/search/?q=law"]:
        page.goto(prefix + url)
        cards = page.locator("main article.resource-card")
        assert cards.count() > 0, f"{prefix}{url} has no resource to look at"
        for card in cards.all():
            title = card.locator(".resource-card__title").inner_text().strip()
            expect(card).to_have_accessible_name(re.compile(rf"^\s*{re.escape(title)}\s*$"))
