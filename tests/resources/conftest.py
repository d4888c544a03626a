import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_between_tests():
    # A request to a Spanish page leaves Spanish active in the thread, and
    # reverse() and get_absolute_url() would then build /es/ URLs in the next test.
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go to a temporary folder, never into the repository."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
