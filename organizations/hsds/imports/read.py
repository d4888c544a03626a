"""From a file to HSDS records: a JSON array, ndjson, one record, or the tabular CSV form.

Anything that cannot be read is an `UnreadableFile` whose message is one
line for the curator: never a traceback.
"""

import json
from pathlib import Path

MAX_BYTES = 200 * 1024 * 1024


class UnreadableFile(Exception):
    """The whole file is refused; the message says why in one line."""


def _text(path: Path) -> str:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise UnreadableFile(
            f"{path.name} is {size // (1024 * 1024)} MB; files up to "
            f"{MAX_BYTES // (1024 * 1024)} MB are read (split it, or use ndjson in parts)."
        )
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(
            f"{path.name} is not UTF-8 (byte {error.start}): save it as UTF-8 and try again."
        ) from None


def _ndjson(text: str, name: str) -> list:
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            raise UnreadableFile(f"{name} line {number}: not JSON ({error.msg}).") from None
    return records


def records_from_text(text: str, name: str = "the file") -> list:
    """The records in a JSON array, a single JSON object, or ndjson."""
    stripped = text.lstrip()
    if not stripped:
        raise UnreadableFile(f"{name} is empty.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if stripped.startswith("{") and "\n" in text.strip():
            return _ndjson(text, name)
        raise UnreadableFile(
            f"{name} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    if isinstance(data, dict):
        if isinstance(data.get("contents"), list):
            # An API page, saved as it came.
            return data["contents"]
        return [data]
    if isinstance(data, list):
        return data
    raise UnreadableFile(
        f"{name} holds a JSON {type(data).__name__}; expected an array of HSDS records, "
        "one record, or ndjson."
    )


def read_records(path: Path) -> list:
    if not path.exists():
        raise UnreadableFile(f"{path} does not exist.")
    if path.is_dir():
        from organizations.hsds.tabular import read_tables

        return read_tables(path)
    if path.suffix.lower() == ".csv":
        raise UnreadableFile(
            f"{path.name}: the tabular form is a folder of CSV files (services.csv, "
            "organizations.csv, ...); give the folder."
        )
    return records_from_text(_text(path), path.name)
