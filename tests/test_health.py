import pytest


def test_healthz_answers_without_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_checks_database_and_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


# A database that is down or never answers: tests/ops/test_faults.py, on PostgreSQL.


def test_health_endpoints_refuse_writes(client):
    assert client.post("/healthz").status_code == 405
