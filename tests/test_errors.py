import pytest
from django.test import Client, override_settings
from django.urls import path


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken_view)]


@override_settings(ROOT_URLCONF="tests.test_errors", DEBUG=False)
def test_a_server_error_shows_the_500_page_with_the_hotline():
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong" in body
    assert "1-888-373-7888" in body
    assert 'id="quick-exit"' in body


@pytest.mark.django_db
def test_a_404_keeps_the_site_frame(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert 'id="quick-exit"' in body
