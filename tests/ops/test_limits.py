"""Bounded requests: a body over REQUEST_BODY_MAX_BYTES is refused before it is read."""

import io

import pytest
from django.test import Client


class Unreadable(io.RawIOBase):
    """A body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def post(client, length, path="/search/"):
    return client.generic(
        "POST",
        path,
        b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": Unreadable()},
    )


@pytest.mark.parametrize("path", ["/search/", "/admin/login/", "/api/hsds/organizations/"])
def test_a_gigabyte_is_refused_unread(client, path):
    response = post(client, 1 << 30, path)
    assert response.status_code == 413
    assert response["Connection"] == "close"


def test_the_limit_is_the_setting(client, settings):
    settings.REQUEST_BODY_MAX_BYTES = 100
    assert post(client, 101).status_code == 413


@pytest.mark.parametrize("length", ["-1", "lots", "1e9"])
def test_a_bad_content_length_is_a_400(client, length):
    assert post(client, length).status_code == 400


@pytest.mark.django_db
def test_a_small_body_goes_through():
    client = Client(enforce_csrf_checks=False)
    assert client.post("/search/", {"q": "legal"}).status_code in (200, 405)
