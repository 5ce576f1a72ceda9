import pytest


@pytest.fixture
def stored_files(settings):
    """Every file under MEDIA_ROOT, relative: what a test can compare before and after."""

    def listing():
        root = settings.MEDIA_ROOT
        return (
            sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
            if root.exists()
            else []
        )

    return listing
