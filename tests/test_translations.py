"""The Spanish interface is complete: every marked string has a reviewed translation.

Extraction needs GNU gettext (`apt-get install gettext`). Without it these tests
skip locally with a message; in CI (`CI` set) that is a failure, as .ci/run
installs it.
"""

import gettext
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from tests.prerequisites import missing

BASE_DIR = Path(settings.BASE_DIR)
CATALOGUE = BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")
# What `make messages` ignores (Makefile, MESSAGES_IGNORE); tests are not user-facing.
IGNORE = [".venv", "staticfiles", "tests", "build", "media"]
NOT_SOURCE = {".git", "locale", "node_modules", *IGNORE}
# The files makemessages reads for the "django" domain.
SOURCE_SUFFIXES = (".py", ".html", ".txt")


@pytest.fixture(scope="module")
def gettext_tools():
    if shutil.which("msgfmt") and shutil.which("xgettext"):
        return
    missing("GNU gettext is not installed (apt-get install gettext)")


def run(tool: str, *arguments: str) -> str:
    """Run a gettext tool on the catalogue files (fixed arguments, no outside input)."""
    command = [shutil.which(tool) or tool, *arguments]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603


def msgids(po_text: str) -> list[str]:
    """The msgids in a catalogue (long ones are split over several lines), without the header."""
    found = []
    for entry in re.findall(r'^msgid ((?:".*"\n)+)', po_text, re.MULTILINE):
        text = "".join(re.findall(r'^"(.*)"$', entry, re.MULTILINE))
        if text:
            found.append(text)
    return found


@pytest.fixture(scope="module")
def current_catalogue(gettext_tools, tmp_path_factory):
    """The committed catalogue merged with every string marked in the code today.

    makemessages runs in a copy of the source tree, so the real catalogue is
    never touched: a string that nobody translated yet arrives with an empty
    msgstr, and one whose text changed comes back fuzzy.
    """
    tree = tmp_path_factory.mktemp("source") / "tree"
    shutil.copytree(BASE_DIR, tree, ignore=_not_source)
    target = tree / "locale" / "es" / "LC_MESSAGES" / "django.po"
    target.parent.mkdir(parents=True)
    shutil.copy(CATALOGUE, target)
    cwd = os.getcwd()
    os.chdir(tree)
    try:
        # Without LOCALE_PATHS, makemessages writes to ./locale, i.e. the copy.
        with override_settings(LOCALE_PATHS=[]):
            call_command(
                "makemessages",
                locale=["es"],
                no_obsolete=True,
                add_location="file",
                ignore_patterns=IGNORE,
                verbosity=0,
            )
    finally:
        os.chdir(cwd)
    return target


def _not_source(directory: str, names: list[str]) -> list[str]:
    skipped = []
    for name in names:
        path = Path(directory) / name
        if path.is_dir():
            if name in NOT_SOURCE or name.endswith(".egg-info"):
                skipped.append(name)
        elif not name.endswith(SOURCE_SUFFIXES):
            skipped.append(name)
    return skipped


def test_every_marked_string_is_in_the_catalogue_and_translated(current_catalogue):
    untranslated = msgids(
        run("msgattrib", "--untranslated", "--no-obsolete", str(current_catalogue))
    )
    assert untranslated == [], (
        f"{len(untranslated)} strings have no Spanish translation; run `make messages` "
        f"and translate them in {CATALOGUE.relative_to(BASE_DIR)}:\n" + "\n".join(untranslated)
    )


def test_no_translation_is_fuzzy(current_catalogue):
    fuzzy = msgids(run("msgattrib", "--only-fuzzy", "--no-obsolete", str(current_catalogue)))
    assert fuzzy == [], "Fuzzy (unreviewed) translations:\n" + "\n".join(fuzzy)
    assert "#, fuzzy" not in CATALOGUE.read_text(encoding="utf-8")


def test_the_catalogue_is_valid_gettext(gettext_tools, tmp_path):
    # --check: placeholders such as %(county)s kept, header and plural forms complete.
    run("msgfmt", "--check", "-o", str(tmp_path / "check.mo"), str(CATALOGUE))


def test_the_committed_mo_file_is_compiled_from_the_committed_catalogue(gettext_tools, tmp_path):
    fresh = tmp_path / "django.mo"
    run("msgfmt", "-o", str(fresh), str(CATALOGUE))
    with fresh.open("rb") as new, COMPILED.open("rb") as committed:
        expected = gettext.GNUTranslations(new)._catalog
        actual = gettext.GNUTranslations(committed)._catalog
    assert actual == expected, "locale/es/LC_MESSAGES/django.mo is stale: run `make messages`"


def test_spanish_pages_use_the_catalogue(client, db):
    response = client.get("/es/")
    body = response.content.decode()
    with translation.override("es"):
        exit_label = translation.gettext("Exit this page")
        skip_label = translation.gettext("Skip to main content")
    assert exit_label != "Exit this page"
    assert exit_label in body
    assert skip_label in body
    assert "Exit this page" not in body
