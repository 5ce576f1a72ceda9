"""PDF checks and previews, run in a child process with a deadline and a memory cap."""

import base64
import collections
import hashlib
import json
import subprocess
import sys
import threading
from pathlib import Path

from django.conf import settings

SANDBOX = Path(__file__).with_name("pdf_sandbox.py")
PREVIEW_WIDTH = 360
# Enough text for search; a scanned 500-page report must not stall the upload.
MAX_TEXT_PAGES = 300
MAX_TEXT_CHARS = 500_000
# A preview is of a page someone could print: from an inch to the 200 inches PDF allows.
PREVIEW_MIN_POINTS = 72
PREVIEW_MAX_POINTS = 14_400


class SandboxFailed(Exception):
    """The child ran out of time or memory, or died: the file is too costly to handle."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


# The same bytes under the same bounds get the same answer: each process remembers its last
# answers (up to MEMORY_BYTES of them), so a file checked again (the same form uploaded for a
# second document or language, a demo loaded again) starts no child. Answers that depend on
# the machine's load are not kept: a timeout, a crash, text cut off by its deadline.
MEMORY_BYTES = 16 * 1024 * 1024
_answers = collections.OrderedDict()
_answers_lock = threading.Lock()


def _run(task, data, *, seconds, **options):
    arguments = {
        "task": task,
        "seconds": seconds,
        "memory_bytes": settings.PDF_SANDBOX_MEMORY_BYTES,
        **options,
    }
    key = (hashlib.sha256(data).digest(), json.dumps(arguments, sort_keys=True))
    with _answers_lock:
        kept = _answers.get(key)
        if kept is not None:
            _answers.move_to_end(key)
            return json.loads(kept)
    output = _run_child(arguments, data, seconds)
    try:
        answer = json.loads(output)
    except ValueError:
        # Killed by the memory or CPU limit, or crashed inside PDFium.
        raise SandboxFailed("crashed") from None
    if answer.get("text_complete", True):
        with _answers_lock:
            _answers[key] = output
            while sum(map(len, _answers.values())) > MEMORY_BYTES:
                _answers.popitem(last=False)
    return answer


def _run_child(arguments, data, seconds):
    """What the child wrote: its answer as JSON, or anything else when it died."""
    try:
        # -I: the child ignores PYTHON* variables and the user's site-packages.
        finished = subprocess.run(  # noqa: S603 - our own script, arguments as a list
            [sys.executable, "-I", str(SANDBOX), json.dumps(arguments)],
            input=data,
            capture_output=True,
            timeout=seconds,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SandboxFailed("timeout") from None
    return finished.stdout


def pdf_inspect(data):
    """Page count, text and what the PDF would run; {"error": ...} when it is refused."""
    return _run(
        "inspect",
        data,
        seconds=settings.PDF_CHECK_SECONDS,
        max_pages=settings.DOCUMENT_MAX_PDF_PAGES,
        max_text_pages=MAX_TEXT_PAGES,
        max_text_chars=MAX_TEXT_CHARS,
        text_seconds=settings.PDF_TEXT_SECONDS,
    )


def pdf_first_page_png(data):
    """The first page as a PNG PREVIEW_WIDTH pixels wide, or None if it is out of bounds."""
    try:
        answer = _run(
            "render",
            data,
            seconds=settings.PDF_PREVIEW_SECONDS,
            width=PREVIEW_WIDTH,
            min_points=PREVIEW_MIN_POINTS,
            max_points=PREVIEW_MAX_POINTS,
            max_pixels=settings.PDF_PREVIEW_MAX_PIXELS,
        )
    except SandboxFailed:
        return None
    if "png" not in answer:
        return None
    return base64.b64decode(answer["png"])
