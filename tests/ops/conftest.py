"""One production-shaped site for the operations tests, made once per run:
its own PostgreSQL database (migrated, reference and sample data), collected
static files and a Redis database of its own."""

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
import redis
from django.conf import settings
from django.db import connection

from tests.ops import servers

REDIS_DB = 13


@dataclass
class Site:
    database_url: str
    redis_url: str
    static_root: Path
    folder: Path

    def env(self, **extra: str) -> dict[str, str]:
        settings = {
            "REDIS_URL": self.redis_url,
            "DJANGO_STATIC_ROOT": str(self.static_root),
            "DJANGO_MEDIA_ROOT": str(self.folder / "media"),
            **extra,
        }
        return servers.production_env(settings.pop("DATABASE_URL", self.database_url), **settings)

    def url_through(self, port: int) -> str:
        """The site's database, reached through a relay on `port`."""
        base = settings.DATABASES["default"]
        user = quote(base.get("USER") or "postgres")
        return f"postgres://{user}@127.0.0.1:{port}/{ops_database_name()}"


def ops_database_name() -> str:
    # The same whether or not pytest-django made its test database first
    # (it does only when some collected test asks for the database).
    name = settings.DATABASES["default"]["NAME"].removeprefix("test_")
    return f"test_{name}_ops"


def admin_connection() -> psycopg.Connection:
    base = settings.DATABASES["default"]
    return psycopg.connect(
        host=base.get("HOST") or "127.0.0.1",
        port=int(base.get("PORT") or 5432),
        user=base.get("USER") or "postgres",
        password=base.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )


def need_nginx() -> None:
    if not os.path.exists(servers.NGINX):
        message = "needs Debian's nginx (sudo apt-get install nginx-light)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... (see README)")
    base = settings.DATABASES["default"]
    name = ops_database_name()
    with admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    user = quote(base.get("USER") or "postgres")
    host, port = base.get("HOST") or "127.0.0.1", base.get("PORT") or 5432
    redis_url = f"redis://127.0.0.1:6379/{REDIS_DB}"
    redis.Redis.from_url(redis_url).flushdb()
    with servers.workspace() as folder:
        made = Site(f"postgres://{user}@{host}:{port}/{name}", redis_url, folder / "static", folder)
        env = made.env()
        servers.manage(env, "migrate", "--noinput", "--verbosity", "0")
        servers.manage(env, "load_reference_data", "--verbosity", "0")
        servers.manage(env, "load_sample_data", "--count", "40", "--seed", "3")
        servers.manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        with psycopg.connect(made.database_url, autocommit=True) as database:
            database.execute("ANALYZE")
        yield made
        shutil.rmtree(folder / "media", ignore_errors=True)
    with admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
