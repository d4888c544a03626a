"""django-axes: repeated failed sign-ins lock a user+address pair for a while, not forever."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PASSWORD = "correct horse battery staple"
ATTACKER = "203.0.113.50"


@pytest.fixture
def staff(db):
    return User.objects.create_user("dana", password=PASSWORD, is_staff=True)


def sign_in(client, password, address=ATTACKER, username="dana"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def fail_until_locked(client):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "wrong")
        assert response.status_code == 200, "an ordinary failed sign-in shows the form again"
    return sign_in(client, "wrong")


def test_the_fifth_failure_locks_the_pair_even_against_the_right_password(client, staff):
    locked = fail_until_locked(client)
    assert locked.status_code == 429
    body = locked.content.decode()
    assert "Sign-in paused" in body
    assert "0:30:00" in body
    response = sign_in(client, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_same_user_from_another_address_can_still_sign_in(client, staff):
    fail_until_locked(client)
    response = sign_in(client, PASSWORD, address="198.51.100.9")
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_the_lock_lifts_after_the_cool_off(client, staff):
    fail_until_locked(client)
    assert sign_in(client, PASSWORD).status_code == 429
    cool_off = timedelta(minutes=30)
    assert timedelta(hours=settings.AXES_COOLOFF_TIME) == cool_off
    AccessAttempt.objects.update(attempt_time=timezone.now() - cool_off - timedelta(seconds=1))
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists(), "a successful sign-in resets the count"


def test_admin_pages_let_forms_say_where_they_come_from(client, staff):
    # Under "no-referrer" browsers post with "Origin: null" and CSRF refuses every form.
    assert client.get(LOGIN)["Referrer-Policy"] == "same-origin"
    client.force_login(staff)
    assert client.get(reverse("admin:index"))["Referrer-Policy"] == "same-origin"
    assert client.get("/")["Referrer-Policy"] == "no-referrer", "public pages keep theirs"
