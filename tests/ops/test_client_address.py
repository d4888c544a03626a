"""Behind a proxy each visitor has their own address, for axes and every rate limit."""

import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.urls import reverse

from core.client_address import client_address
from organizations.suggestions import client_key

LOGIN = reverse("admin:login")
PROXY = "10.0.0.2"


def request_from(forwarded: str | None, remote: str = PROXY):
    request = RequestFactory().get("/", REMOTE_ADDR=remote)
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return request


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "198.51.100.7", PROXY),
        (1, "198.51.100.7", "198.51.100.7"),
        # What the client wrote itself, left of what nginx appended, is not believed.
        (1, "203.0.113.1, 198.51.100.7", "198.51.100.7"),
        (2, "203.0.113.1, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (1, None, PROXY),
        (1, " , ", PROXY),
    ],
)
def test_the_address_is_counted_from_the_right(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_address(request_from(forwarded)) == expected


def sign_in(client, username, password, visitor):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=visitor,
    )


@pytest.fixture
def behind_nginx(settings):
    settings.TRUSTED_PROXY_COUNT = 1


@pytest.mark.django_db
def test_password_spraying_from_one_address_is_stopped(client, behind_nginx, settings):
    answers = [
        sign_in(client, f"user{number}", "Winter2026!", "198.51.100.7").status_code
        for number in range(15)
    ]
    assert answers[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(answers[settings.AXES_FAILURE_LIMIT - 1 :]) == {429}


@pytest.mark.django_db
def test_failures_elsewhere_do_not_lock_a_curator_out(client, behind_nginx, settings):
    User.objects.create_user("dana", password="correct horse battery staple", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        # Forging X-Forwarded-For does not move the attacker's failures elsewhere.
        sign_in(client, "dana", "wrong", "198.51.100.9, 203.0.113.66")
    curator = type(client)()
    response = sign_in(curator, "dana", "correct horse battery staple", "198.51.100.20")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_the_correction_quota_is_per_visitor_behind_the_proxy(behind_nginx):
    one = client_key(request_from("198.51.100.7"))
    assert client_key(request_from("203.0.113.9, 198.51.100.7")) == one
    assert client_key(request_from("198.51.100.8")) != one
