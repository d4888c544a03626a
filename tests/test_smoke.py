"""Walk every public page: each answers 200 with a title, one <h1> and a language."""

import re

import pytest

from organizations.sample_data import SampleDirectory
from tests.public_urls import public_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_directory():
    SampleDirectory(count=12, seed=7).build()


def test_every_public_page_renders(client, sample_directory):
    urls = public_urls()
    assert len(urls) >= 6
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert len(re.findall(r"<h1[\s>]", body)) == 1, url
        assert re.search(r"<title>[^<]+</title>", body), url
        expected_language = "es" if url.startswith("/es/") else "en"
        assert f'<html lang="{expected_language}">' in body, url
        assert 'id="quick-exit"' in body, url
        assert "1-888-373-7888" in body, url
