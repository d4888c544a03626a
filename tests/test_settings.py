import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cas_directory.env import env_bool, env_list


def _settings_import(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "-c", "import cas_directory.settings"],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_without_debug_a_missing_secret_key_stops_start_up():
    result = _settings_import({})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_settings_start_with_a_secret_key():
    result = _settings_import({"DJANGO_SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr


def test_debug_is_off_unless_asked(monkeypatch):
    monkeypatch.delenv("DJANGO_DEBUG", raising=False)
    assert env_bool("DJANGO_DEBUG") is False
    monkeypatch.setenv("DJANGO_DEBUG", "1")
    assert env_bool("DJANGO_DEBUG") is True


def test_a_typo_in_a_boolean_is_an_error_not_a_default(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "ture")
    with pytest.raises(ImproperlyConfigured):
        env_bool("DJANGO_DEBUG")


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "example.org, www.example.org ,")
    assert env_list("DJANGO_ALLOWED_HOSTS", []) == ["example.org", "www.example.org"]


def test_the_referrer_is_never_sent():
    assert settings.SECURE_REFERRER_POLICY == "no-referrer"
