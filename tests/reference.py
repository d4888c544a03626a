"""The reference data every page needs, and putting it back where a test flushed it."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command

SAMPLE_FIXTURES = sorted(
    str(path) for path in (Path(settings.BASE_DIR) / "fixtures" / "sample").glob("*.json")
)


def load_reference_data() -> None:
    """Counties, vocabularies and the starter library: what every page needs."""
    call_command("load_reference_data", verbosity=0)
    call_command("loaddata", *SAMPLE_FIXTURES, verbosity=0)


def ensure_reference_data() -> None:
    """Reload the reference data where a transactional test flushed it.

    Browser tests run last (tests/conftest.py), but other transactional ones
    (schemathesis, the migration test) share a worker's database with the rest.
    """
    from core.models import County

    if not County.objects.exists():
        load_reference_data()
