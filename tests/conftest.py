import pytest
from django.core.management import call_command


@pytest.fixture
def demo_content(db):
    """The demo content, as `make run` loads it: every public page has something to show."""
    call_command("load_demo", verbosity=0)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Each test writes uploads to its own folder, so files never leak between tests.
    settings.MEDIA_ROOT = tmp_path / "media"
