import pytest


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go to a temporary folder, never into the repository."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
