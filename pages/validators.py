"""Upload checks by content: the first bytes must say what the name claims."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def _head(upload, size=64):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def validate_video(upload):
    """MP4 (an `ftyp` box first) or WebM (an EBML header), matching the file name."""
    head = _head(upload)
    suffix = Path(upload.name).suffix.lower()
    is_mp4 = head[4:8] == b"ftyp"
    is_webm = head[:4] == b"\x1a\x45\xdf\xa3"
    if not (is_mp4 or is_webm):
        raise ValidationError(
            _("Die Datei ist kein Video im Format MP4 oder WebM."), code="not_video")
    if (is_mp4 and suffix not in {".mp4", ".m4v"}) or (is_webm and suffix != ".webm"):
        raise ValidationError(
            _("Die Dateiendung passt nicht zum Inhalt der Datei."), code="suffix_mismatch")


def validate_webvtt(upload):
    """Captions must be a WebVTT file: UTF-8 text that starts with `WEBVTT`."""
    head = _head(upload, 16).removeprefix(b"\xef\xbb\xbf")
    if not head.startswith(b"WEBVTT") or Path(upload.name).suffix.lower() != ".vtt":
        raise ValidationError(
            _("Untertitel müssen eine WebVTT-Datei (.vtt) sein."), code="not_webvtt")
