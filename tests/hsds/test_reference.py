"""Without the HSDS reference folder, conformance tests skip and say why (and fail in CI)."""

import pytest

from tests.hsds import schemas


def test_missing_reference_schemas_skip_with_a_message(monkeypatch, tmp_path):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(schemas, "SCHEMA_DIR", tmp_path / "absent")
    with pytest.raises(pytest.skip.Exception, match=r"HSDS 3\.0 reference schemas not found at"):
        schemas.require_schemas()


def test_missing_reference_schemas_fail_in_ci_with_the_message(monkeypatch, tmp_path):
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(schemas, "SCHEMA_DIR", tmp_path / "absent")
    with pytest.raises(pytest.fail.Exception, match=r"schemas not found at .*; CI must have it"):
        schemas.require_schemas()
