"""Uploads stop at the limit of the page they go to, before the rest is written anywhere,
and temporary files of killed workers are removed."""

import os
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler

from documents.models import Document
from pages.models import Page
from tests.documents import files
from tests.documents.admin_forms import add_document
from tests.pages.test_content_admin import MP4_HEAD, _page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def written(monkeypatch, settings):
    """Bytes the upload handlers store in temporary files (uploads beyond 2.5 MB in memory)."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10_000
    stored = []
    real = TemporaryFileUploadHandler.receive_data_chunk

    def receive(self, raw_data, start):
        stored.append(len(raw_data))
        return real(self, raw_data, start)

    monkeypatch.setattr(TemporaryFileUploadHandler, "receive_data_chunk", receive)
    return stored


def test_oversized_document_is_refused_before_the_rest_is_written(editor_client, settings, written):
    # Scaled down from the probe's 200 MB against 20 MB: 2 MB against 200 kB.
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 200_000
    data = files.pdf_of_size(2_000_000)
    response = add_document(editor_client, data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Die Datei ist 2,0 MB groß. Erlaubt sind höchstens 200 kB." in content
    # At most the limit and one chunk (64 kB) reach a temporary file, not the 2 MB.
    assert sum(written) <= settings.DOCUMENT_MAX_UPLOAD_BYTES + 64 * 1024
    # And the part that was written is gone once the request has answered.
    assert list(Path(settings.FILE_UPLOAD_TEMP_DIR).iterdir()) == []
    assert not Document.objects.exists()


def test_document_within_the_limit_passes_the_handler_whole(editor_client, written):
    data = files.pdf_of_size(50_000)
    response = add_document(editor_client, data)
    assert response.status_code == 302
    assert Document.objects.get().current_version.files.get().file.read() == data


def test_video_over_its_limit_is_refused_with_sizes(editor_client, demo_content, settings):
    settings.VIDEO_MAX_UPLOAD_BYTES = 1000
    page = Page.objects.get(key=Page.Key.SIGN_LANGUAGE)
    video = SimpleUploadedFile("dgs.mp4", MP4_HEAD + b"\x00" * 5000, content_type="video/mp4")
    response = editor_client.post(
        f"/admin/pages/page/{page.pk}/change/", _page_form(page, **{"videos-0-file": video})
    )
    assert response.status_code == 200
    assert "Das Video ist 5 kB groß. Erlaubt sind höchstens 1 kB." in (response.content.decode())
    assert not page.videos.exists()


def test_temporary_files_left_by_a_killed_worker_are_removed(editor_client, settings, written):
    directory = Path(settings.FILE_UPLOAD_TEMP_DIR)
    stale = directory / "tmpabc123.upload.pdf"
    fresh = directory / "tmpdef456.upload.pdf"
    for path in (stale, fresh):
        path.write_bytes(b"%PDF- half an upload")
    two_hours_ago = time.time() - 2 * 60 * 60
    os.utime(stale, (two_hours_ago, two_hours_ago))
    add_document(editor_client, files.pdf_of_size(50_000))
    assert not stale.exists()
    # Possibly another request's upload in progress: kept.
    assert fresh.exists()
    # The request's own temporary file is gone once it has answered.
    assert sorted(p.name for p in directory.iterdir()) == [fresh.name]
    fresh.unlink()
