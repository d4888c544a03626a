"""What the privacy page promises, checked on real log output: after a run of
searches, a suggested correction and bad requests against gunicorn with
production settings, its log (gunicorn's and Django's lines alike) holds no
client address, no search words or ZIP code and no correction text."""

import re
import socket
import time
from urllib.parse import urlencode

import pytest

from tests.ops import servers

pytestmark = pytest.mark.postgres

WORD = "quillonprivate"
ZIP = "93721"
CORRECTION = "Zephyrine says the phone rings out"


def raw(port: int, payload: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(payload)
        return client.recv(65536)


def suggest(web: str, slug: str) -> int:
    page = servers.fetch(f"{web}/organizations/{slug}/suggest/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
    started = re.search(rb'name="started" value="([^"]+)"', page.body)
    assert token
    assert started
    cookie = page.headers["set-cookie"].split(";", 1)[0]
    form = urlencode(
        {
            "csrfmiddlewaretoken": token.group(1).decode(),
            "message": CORRECTION,
            "contact": "zephyrine@example.org",
            "website": "",
            "started": started.group(1).decode(),
        }
    )
    # The form refuses what is sent faster than a person types (MIN_FILL_SECONDS).
    time.sleep(3.5)
    answer = servers.fetch(
        f"{web}/organizations/{slug}/suggest/",
        method="POST",
        data=form.encode(),
        headers={
            "Cookie": cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"{web}/organizations/{slug}/suggest/",
            "X-Forwarded-For": "198.51.100.23",
        },
    )
    return answer.status


def test_logs_hold_no_address_search_or_correction(site):
    port = servers.free_port()
    log = site.folder / "privacy.log"
    # The default mail set-up without EMAIL_HOST (one file per message), so the
    # correction's mail is written where it belongs and never into the log.
    mail = site.folder / "mail"
    env = site.env(EMAIL_FILE_PATH=str(mail))
    process = servers.gunicorn(env, log, port, workers=1)
    web = f"http://127.0.0.1:{port}"
    try:
        searches = [
            f"/search/?q={WORD}&zip={ZIP}",
            f"/es/search/?q={WORD}+shelter",
            "/search/?q=" + "+".join([WORD] * 20) + f"&zip={ZIP}",  # a cache key over 250
            f"/api/hsds/organizations/?search={WORD}",
            f"/nowhere/?q={WORD}",
            f"//evil.example/[x?q={WORD}",
        ]
        for url in searches:
            # 503 is allowed: a statement cut by statement_timeout on a busy machine.
            assert servers.fetch(web + url).status not in (500, 502), url
        slug = servers.fetch(web + "/search/").body
        found = re.search(rb'href="/organizations/([a-z0-9-]+)/"', slug)
        assert found
        assert suggest(web, found.group(1).decode()) in (200, 302)
        raw(port, f"GARBAGE /search/?q={WORD}&zip={ZIP} HTTP/1.1\r\n\r\n".encode())
        raw(port, b"GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n")
        raw(port, b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\n\r\n")
    finally:
        process.stop()
    text = log.read_text(errors="replace")
    assert '"GET /search/ HTTP/1.1" 200' in text, "the access log is written"
    assert "Invalid request" in text, "gunicorn logged the bad request"
    assert "Dropped a suggestion" not in text, "the correction was accepted"
    mails = "".join(path.read_text(errors="replace") for path in mail.glob("*"))
    assert "Zephyrine" in mails, "the curators' mail was written to a file"
    for secret in ("127.0.0.1", "198.51.100.23", WORD, ZIP, "Zephyrine", "example.org"):
        assert secret not in text, f"{secret!r} is in the log:\n{text[-4000:]}"
