"""Security headers on pages and static files alike."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/search/?q=legal", "/static/css/site.css", "/healthz"])
def test_every_answer_has_corp_and_nosniff(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_page_cache_header_is_gone(client, db, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    for _ in range(2):
        assert "X-Cache" not in client.get("/")
