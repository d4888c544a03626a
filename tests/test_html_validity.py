"""The Nu HTML Checker (vnu-jar from npm, on Java 17) finds no error on any public page.

Every page of tests/public_urls.py, in English and Spanish, is rendered by the
test client and checked in one run of the checker. The checker is fetched by
`.ci/run` into the git-ignored `.cache/vnu/`; without it or without Java the
test skips locally with a message and fails in CI.
"""

import itertools
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from organizations.sample_data import SampleDirectory
from tests.public_urls import public_urls

pytestmark = pytest.mark.django_db

VNU_JAR = Path(
    os.environ.get(
        "VNU_JAR",
        Path(settings.BASE_DIR) / ".cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar",
    )
)
INSTALL = "npm install --no-save --prefix .cache/vnu vnu-jar@24 (and Java 17)"


def checker() -> list[str]:
    java = shutil.which("java")
    missing = None
    if java is None:
        missing = "java is not installed"
    elif not VNU_JAR.exists():
        missing = f"{VNU_JAR} is missing"
    if missing:
        message = f"{missing}: {INSTALL}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return [str(java), "-Xss2m", "-jar", str(VNU_JAR)]


def assert_no_skipped_heading_level(url: str, body: str) -> None:
    """Headings go down one level at a time (the checker only warns about this)."""
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", body)]
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"{url}: <h{before}> followed by <h{after}>"


@pytest.fixture
def sample_directory():
    SampleDirectory(count=12, seed=7).build()


def test_every_public_page_is_valid_html(client, sample_directory, tmp_path):
    command = checker()
    pages = {}
    for index, url in enumerate(public_urls()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_skipped_heading_level(url, response.content.decode())
        path = tmp_path / f"page-{index}.html"
        path.write_bytes(response.content)
        pages[f"file:{path}"] = url
    result = subprocess.run(  # noqa: S603 (java and the checker's own jar, our files)
        [*command, "--errors-only", "--format", "json", *map(str, sorted(tmp_path.iterdir()))],
        # The checker reports on stderr and exits 1 when it finds errors.
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [
        f"{pages.get(message.get('url'), message.get('url'))}: {message.get('message')} "
        f"[{message.get('extract', '').strip()}]"
        for message in messages
        if message.get("type") == "error"
    ]
    assert len(pages) >= 20
    assert not errors, "\n".join(errors[:40])
