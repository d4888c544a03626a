"""The lock files still match pyproject.toml's ranges.

Installs come only from the locks (see the Makefile), so a range changed in pyproject.toml
without `make lock` would otherwise be silently ignored.
"""

import re
import tomllib

import pytest
from django.conf import settings
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def _pins(lock_name: str) -> dict[str, set[str]]:
    """Package name -> the versions pinned (more than one only where markers split them)."""
    pins: dict[str, set[str]] = {}
    for name, version in PIN.findall((settings.BASE_DIR / lock_name).read_text()):
        pins.setdefault(canonicalize_name(name), set()).add(version)
    return pins


def _requirements(extra: str | None = None) -> list[Requirement]:
    project = tomllib.loads((settings.BASE_DIR / "pyproject.toml").read_text())["project"]
    listed = project["optional-dependencies"][extra] if extra else project["dependencies"]
    return [Requirement(line) for line in listed]


@pytest.mark.parametrize(
    ("lock_name", "requirements"),
    [
        ("requirements.lock", _requirements()),
        ("requirements-dev.lock", _requirements() + _requirements("dev")),
    ],
)
def test_every_dependency_is_pinned_within_its_range(lock_name, requirements):
    pins = _pins(lock_name)
    for requirement in requirements:
        versions = pins.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} is not in {lock_name}: run `make lock`"
        for version in versions:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{lock_name} pins {requirement.name}=={version}, outside pyproject.toml's "
                f"{requirement}: run `make lock`"
            )


def test_development_pins_the_runtime_packages_as_production_does():
    runtime, development = _pins("requirements.lock"), _pins("requirements-dev.lock")
    assert {name: development.get(name) for name in runtime} == runtime


def test_every_pin_carries_hashes():
    for lock_name in ("requirements.lock", "requirements-dev.lock"):
        entries = re.split(r"\n(?=[A-Za-z0-9])", (settings.BASE_DIR / lock_name).read_text())
        for entry in entries:
            if PIN.match(entry):
                assert "--hash=sha256:" in entry, f"{lock_name}: {entry.splitlines()[0]}"
