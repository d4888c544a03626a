"""HSDS 3.0's tabular form: placeholder replaced below."""

from pathlib import Path


def write_tables(folder: Path, records) -> int:
    raise NotImplementedError


def read_tables(folder: Path) -> list:
    raise NotImplementedError
