"""The restore drill: back up a site (PostgreSQL and its media folder), wipe
both, restore, and find every row of every table and every file identical."""

import hashlib
import subprocess
from pathlib import Path

import psycopg
import pytest

from tests.ops import servers
from tests.ops.conftest import Site, admin_connection

pytestmark = pytest.mark.postgres


def snapshot(database_url: str) -> dict[str, str]:
    """A digest of each table's rows, in a fixed order."""
    with psycopg.connect(database_url) as database:
        tables = [
            row[0]
            for row in database.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        found = {}
        for table in tables:
            # Table names come from the catalogue, not from input.
            digest = "md5(string_agg(t::text, E'\\n' ORDER BY t::text))"
            query = f'SELECT {digest}, count(*) FROM "{table}" t'  # noqa: S608
            rows = database.execute(query).fetchone()
            assert rows is not None
            found[table] = f"{rows[1]}:{rows[0]}"
    return found


def files(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def script(name: str, env: dict[str, str], *args: str) -> str:
    return subprocess.run(  # noqa: S603 (fixed arguments)
        ["/bin/bash", f"scripts/{name}.sh", *args],
        cwd=servers.ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def test_back_up_wipe_restore_keeps_every_row_and_file(site: Site):
    media = site.folder / "media"
    (media / "resources").mkdir(parents=True, exist_ok=True)
    (media / "resources" / "guide.pdf").write_bytes(b"%PDF-1.4 sample listing guide\n" * 50)
    (media / "photo.png").write_bytes(bytes(range(256)) * 20)
    env = {**site.env(), "BACKUP_DIR": str(site.folder / "backups")}
    before_rows, before_files = snapshot(site.database_url), files(media)
    assert before_rows["organizations_organization"].split(":")[0] != "0"

    folder = script("backup", env).splitlines()[-1]
    assert (Path(folder) / "database.dump").stat().st_size > 0

    name = site.database_url.rsplit("/", 1)[1]
    with admin_connection() as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    assert snapshot(site.database_url) == {}

    script("restore", env, folder)
    assert snapshot(site.database_url) == before_rows
    assert files(media) == before_files
