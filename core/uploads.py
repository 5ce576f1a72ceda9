"""Uploads stop at their limit while they arrive, and leave no temporary file behind.

Without this, Django writes the whole request body to a temporary file before any form
sees the size: 200 MB on the disk for a document allowed 20 MB.
"""

import io
import logging
import time
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler
from django.urls import Resolver404, resolve

logger = logging.getLogger(__name__)


def upload_limit(setting_name):
    """Mark a view (or an admin's view method) with the setting that holds its upload limit."""

    def mark(view):
        view.upload_limit_setting = setting_name
        return view

    return mark


def _limit_for(request):
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            match = None
    view = match.func if match else None
    name = getattr(view, "upload_limit_setting", None) or getattr(
        getattr(view, "model_admin", None), "upload_limit_setting", None
    )
    return getattr(settings, name or "FILE_UPLOAD_MAX_BYTES")


class OversizedUpload(UploadedFile):
    """What a form gets instead of a file over the limit: its name and size, no content."""

    def __init__(self, name, content_type, size):
        super().__init__(io.BytesIO(), name, content_type, size)


def remove_stale_temporary_uploads():
    """Delete upload temp files a killed worker left; no upload takes anywhere near as long."""
    directory = settings.FILE_UPLOAD_TEMP_DIR
    if not directory:
        return
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - settings.UPLOAD_TEMP_MAX_AGE
    for path in directory.glob("*.upload*"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                logger.info("Verwaiste Upload-Datei %s entfernt", path.name)
        except FileNotFoundError:
            continue


class BoundedUploadHandler(FileUploadHandler):
    """First of the upload handlers: passes a file's chunks on until the view's limit is
    passed, then swallows the rest, so the handlers after it never store more than that."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = _limit_for(self.request)
        remove_stale_temporary_uploads()

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        # The rest is still read from the connection (the fields after it are needed), but
        # neither kept in memory nor written anywhere.
        return raw_data if self.received <= self.limit else None

    def file_complete(self, file_size):
        if self.received <= self.limit:
            return None
        # The handlers after this one never complete the file: their part of it, a temporary
        # file up to the limit, goes now rather than whenever the garbage collector runs.
        for handler in self.request.upload_handlers:
            if handler is not self:
                handler.upload_interrupted()
        return OversizedUpload(self.file_name, self.content_type, self.received)
