"""Without the HSDS reference folder, conformance tests skip and say why."""

import pytest

from tests.hsds import schemas


def test_missing_reference_schemas_skip_with_a_message(monkeypatch, tmp_path):
    monkeypatch.setattr(schemas, "SCHEMA_DIR", tmp_path / "absent")
    with pytest.raises(pytest.skip.Exception, match=r"HSDS 3\.0 reference schemas not found at"):
        schemas.require_schemas()
