"""Mail goes to an SMTP server from the environment, or to files: never into the log."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.mail import get_connection, send_mail

from tests.curation.test_suggestions import send
from tests.verification.conftest import body

EMAIL_VARIABLES = (
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "DEFAULT_FROM_EMAIL",
    "EMAIL_FILE_PATH",
)


def mail_settings(env: dict) -> dict:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k not in EMAIL_VARIABLES
    }
    script = (
        "import json, cas_directory.settings as s; print(json.dumps({k: str(getattr(s, k, ''))"
        " for k in ['EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER',"
        " 'EMAIL_HOST_PASSWORD', 'EMAIL_USE_TLS', 'DEFAULT_FROM_EMAIL', 'EMAIL_FILE_PATH']}))"
    )
    result = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", script],
        env={**clean, "DJANGO_SECRET_KEY": "x" * 50, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_smtp_from_the_environment():
    found = mail_settings(
        {
            "EMAIL_HOST": "smtp.example.org",
            "EMAIL_PORT": "2525",
            "EMAIL_HOST_USER": "directory",
            "EMAIL_HOST_PASSWORD": "s3cret",
            "EMAIL_USE_TLS": "false",
            "DEFAULT_FROM_EMAIL": "CAS Directory <directory@example.org>",
        }
    )
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (found["EMAIL_HOST"], found["EMAIL_PORT"]) == ("smtp.example.org", "2525")
    assert (found["EMAIL_HOST_USER"], found["EMAIL_HOST_PASSWORD"]) == ("directory", "s3cret")
    assert found["EMAIL_USE_TLS"] == "False"
    assert found["DEFAULT_FROM_EMAIL"] == "CAS Directory <directory@example.org>"


def test_without_a_host_mail_goes_to_files_not_the_console(tmp_path):
    found = mail_settings({"EMAIL_FILE_PATH": str(tmp_path)})
    assert found["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend"
    assert found["EMAIL_FILE_PATH"] == str(tmp_path)
    assert "console" not in found["EMAIL_BACKEND"]


def test_the_file_backend_keeps_the_message_and_prints_nothing(tmp_path, capsys):
    connection = get_connection(
        "django.core.mail.backends.filebased.EmailBackend", file_path=str(tmp_path)
    )
    send_mail("Subject", "A visitor's note", None, ["curators@example.org"], connection=connection)
    written = list(Path(tmp_path).iterdir())
    assert len(written) == 1
    assert "A visitor's note" in written[0].read_text()
    captured = capsys.readouterr()
    assert "A visitor's note" not in captured.out + captured.err


def test_a_suggestion_reaches_the_curators_over_smtp(
    smtp_inbox, client, due_listing, settings, django_capture_on_commit_callbacks
):
    settings.CURATOR_EMAILS = ["desk@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, due_listing, message="The phone number changed last month.")
    assert response.status_code == 302
    (message,) = smtp_inbox.to("desk@example.org")
    assert "The phone number changed last month." in body(message)
    assert message["Subject"] == "Suggested correction: Harbor Light"
