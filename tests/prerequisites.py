"""What a test needs from outside the project (a browser, gettext, ../shared).

Where it is missing, the test skips with a message on a developer's machine and
fails with the same message under CI (`CI` set, as .ci/run does), because CI
installs or checks out everything and a skip there would hide a broken setup.
"""

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def missing(what: str) -> NoReturn:
    """Skip (locally) or fail (in CI) a test that cannot run without `what`."""
    if in_ci():
        pytest.fail(f"{what}; CI must have it", pytrace=False)
    pytest.skip(what)
