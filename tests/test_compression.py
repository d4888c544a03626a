"""Public pages are sent compressed with an ETag, and a repeat visit gets a 304."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


def test_pages_are_gzipped_when_the_browser_accepts_it(client):
    plain = client.get("/")
    packed = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2


def test_a_repeat_visit_with_the_etag_gets_a_304_without_a_body(client):
    first = client.get("/counties/fresno/")
    assert first.status_code == 200
    etag = first["ETag"]
    repeat = client.get("/counties/fresno/", HTTP_IF_NONE_MATCH=etag)
    assert repeat.status_code == 304
    assert repeat.content == b""
    assert client.get("/counties/fresno/", HTTP_IF_NONE_MATCH='"other"').status_code == 200
