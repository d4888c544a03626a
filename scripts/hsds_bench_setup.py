"""What scripts/bench_hsds.py and scripts/bench_hsds_import.py share: a
throw-away test database with the reference data, a timer, and the teardown.

The database is SQLite, or PostgreSQL when DATABASE_URL is set (a test
database is made beside it and dropped at the end, as pytest does).
"""

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cas_directory.settings")
os.environ.setdefault("DJANGO_TESTING", "1")
# Building 10,000 sample listings runs statements longer than a page may.
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "600000")


@contextmanager
def bench_database() -> Iterator[None]:
    """Django set up on a fresh test database holding the reference data."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("load_reference_data", verbosity=0)
        yield
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


@dataclass
class Timing:
    seconds: float = 0.0
    cpu: float = 0.0

    def __str__(self) -> str:
        # CPU time too: on a shared machine the wall time says as much about the load.
        return f"{self.seconds:.1f} s ({self.cpu:.1f} s CPU here)"


@contextmanager
def timed() -> Iterator[Timing]:
    timing = Timing()
    began, cpu = time.perf_counter(), time.process_time()
    try:
        yield timing
    finally:
        timing.seconds = time.perf_counter() - began
        timing.cpu = time.process_time() - cpu


def load_average() -> str:
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
