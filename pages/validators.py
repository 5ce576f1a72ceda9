"""Upload checks by content: the first bytes must say what the name claims."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.formats import format_size

# The file types a video and its captions may have, with the type they are served as.
MEDIA_TYPES = {
    ".mp4": "video/mp4",
    ".m4v": "video/mp4",
    ".webm": "video/webm",
    ".vtt": "text/vtt; charset=utf-8",
}


def _suffixes(media_type):
    return {suffix for suffix, served_as in MEDIA_TYPES.items() if served_as == media_type}


def _head(upload, size=64):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def validate_video(upload):
    """MP4 (an `ftyp` box first) or WebM (an EBML header), matching the file name, and
    within the size limit when it is a new upload."""
    # A stored video (`_committed`) keeps its place even if the limit is lowered later.
    if not getattr(upload, "_committed", False) and upload.size > settings.VIDEO_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Das Video ist %(size)s groß. Erlaubt sind höchstens %(limit)s.")
            % {
                "size": format_size(upload.size),
                "limit": format_size(settings.VIDEO_MAX_UPLOAD_BYTES),
            },
            code="too_large",
        )
    head = _head(upload)
    suffix = Path(upload.name).suffix.lower()
    is_mp4 = head[4:8] == b"ftyp"
    is_webm = head[:4] == b"\x1a\x45\xdf\xa3"
    if not (is_mp4 or is_webm):
        raise ValidationError(
            _("Die Datei ist kein Video im Format MP4 oder WebM."), code="not_video"
        )
    if (is_mp4 and suffix not in _suffixes("video/mp4")) or (
        is_webm and suffix not in _suffixes("video/webm")
    ):
        raise ValidationError(
            _("Die Dateiendung passt nicht zum Inhalt der Datei."), code="suffix_mismatch"
        )


def validate_webvtt(upload):
    """Captions must be a WebVTT file: UTF-8 text that starts with `WEBVTT`."""
    head = _head(upload, 16).removeprefix(b"\xef\xbb\xbf")
    is_vtt = Path(upload.name).suffix.lower() in _suffixes(MEDIA_TYPES[".vtt"])
    if not head.startswith(b"WEBVTT") or not is_vtt:
        raise ValidationError(
            _("Untertitel müssen eine WebVTT-Datei (.vtt) sein."), code="not_webvtt"
        )
