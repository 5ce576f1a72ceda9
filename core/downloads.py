"""Serving stored files: validators, conditional requests and byte ranges.

Files are read through Django's storage API, so the same code serves the local disk
under gunicorn and an S3-compatible store, without the development server's media view.

`offloaded_response` hands the bytes of a public file to nginx or the object store
instead (settings.DOWNLOAD_OFFLOAD); the view has decided before that the reader may see it.
"""

import re
import sys
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.http import (
    FileResponse,
    HttpResponse,
    HttpResponseNotModified,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date, parse_http_date_safe

CHUNK_SIZE = 64 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$", re.ASCII)
# Python refuses to convert very long digit strings (ValueError); a position this far out
# lies beyond any file we store, so it stands for "past the end".
MAX_DIGITS = 18


def serve_stored_file(
    request,
    field_file,
    *,
    size,
    etag,
    last_modified,
    content_type,
    filename=None,
    inline=True,
    max_age=0,
):
    """Answer GET or HEAD for a stored file with ETag, Last-Modified, Range and 304."""
    etag = f'"{etag}"'
    last_modified = int(last_modified.timestamp())
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        response = not_modified
    else:
        byte_range = _requested_range(request, size=size, etag=etag, last_modified=last_modified)
        if byte_range == "unsatisfiable":
            response = HttpResponse(status=416)
            response["Content-Range"] = f"bytes */{size}"
        elif byte_range is None:
            response = _stream(request, field_file, 0, size, status=200)
        else:
            start, end = byte_range
            response = _stream(request, field_file, start, end - start + 1, status=206)
            response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    if filename and not isinstance(response, HttpResponseNotModified):
        response["Content-Disposition"] = content_disposition_header(not inline, filename)
    if response.status_code in (200, 206):
        response["Content-Type"] = content_type
    # Caches keep the file but ask each time whether it is still current.
    if max_age:
        patch_cache_control(response, public=True, max_age=max_age)
    else:
        patch_cache_control(response, public=True, no_cache=True)
    return response


def offloaded_response(field_file, *, content_type, filename=None, inline=True, max_age=0):
    """A response whose bytes come from nginx or the object store, or None to stream them.

    Stored names are never reused (each upload gets a fresh random name, see
    documents.models), so the address a response points to always holds the same bytes.
    """
    mode = settings.DOWNLOAD_OFFLOAD
    if not mode:
        return None
    disposition = content_disposition_header(not inline, filename) if filename else None
    storage = field_file.storage
    if is_object_store(storage):
        if mode == "redirect":
            parameters = {"ResponseContentType": content_type}
            if disposition:
                parameters["ResponseContentDisposition"] = disposition
            response = HttpResponseRedirect(storage.url(field_file.name, parameters=parameters))
            # The signed address expires soon: neither browsers nor shared caches keep it.
            patch_cache_control(response, private=True, no_store=True)
            return response
        # nginx fetches the object through a signed address that never reaches the reader.
        signed = urlsplit(storage.url(field_file.name))
        target = f"{settings.DOWNLOAD_ACCEL_S3_PREFIX}{signed.path.lstrip('/')}?{signed.query}"
    elif mode == "nginx":
        signed = None
        target = settings.DOWNLOAD_ACCEL_MEDIA_PREFIX + quote(field_file.name)
    else:
        # "redirect" needs signed addresses; the system check reports the combination.
        return None
    response = HttpResponse(content_type=content_type)
    # nginx keeps these headers of ours and adds length, validators and ranges of the file.
    response["X-Accel-Redirect"] = target
    response["X-Content-Type-Options"] = "nosniff"
    if disposition:
        response["Content-Disposition"] = disposition
    # A signed address expires (MEDIA_S3_URL_SECONDS): no cache on the server may keep this
    # answer and replay it later; browsers may, as for the streamed file.
    audience = {"public": True} if signed is None else {"private": True}
    if max_age:
        patch_cache_control(response, max_age=max_age, **audience)
    else:
        patch_cache_control(response, no_cache=True, **audience)
    return response


def is_object_store(storage):
    """True for storages that sign short-lived addresses (django-storages' S3 backend)."""
    return hasattr(storage, "bucket_name") and hasattr(storage, "querystring_auth")


def _requested_range(request, *, size, etag, last_modified):
    """(start, end) of a single satisfiable byte range, None for the whole file."""
    header = request.headers.get("Range")
    if not header or request.method not in ("GET", "HEAD"):
        return None
    if_range = request.headers.get("If-Range")
    if if_range and not _if_range_matches(if_range, etag=etag, last_modified=last_modified):
        return None
    match = RANGE.match(header.strip())
    # Several ranges or other units: serving the whole file is always allowed (RFC 9110).
    if not match or match.groups() == ("", ""):
        return None
    start, last = (_position(digits) for digits in match.groups())
    if start is None:
        # A suffix: the last `last` bytes.
        if last == 0:
            return "unsatisfiable"
        return max(size - last, 0), size - 1
    if last is not None and last < start:
        return None
    if start >= size:
        return "unsatisfiable"
    return start, size - 1 if last is None else min(last, size - 1)


def _position(digits):
    if digits == "":
        return None
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= MAX_DIGITS else sys.maxsize


def _if_range_matches(value, *, etag, last_modified):
    value = value.strip()
    if value.startswith(("W/", '"')):
        return value == etag
    return parse_http_date_safe(value) == last_modified


def _stream(request, field_file, start, length, *, status):
    if request.method == "HEAD":
        response = HttpResponse(status=status)
    else:
        # Opened before the response starts, so a missing file fails as an error, not as a
        # truncated download.
        stream = field_file.storage.open(field_file.name, "rb")
        if status == 200:
            # The whole file: gunicorn hands a file on the disk to the kernel (sendfile).
            response = FileResponse(stream, status=status)
        else:
            response = StreamingHttpResponse(_ByteRange(stream, start, length), status=status)
    response["Content-Length"] = str(length)
    return response


class _ByteRange:
    """Iterates over part of an open file; the server calls close() when the response ends."""

    def __init__(self, stream, start, length):
        self.stream, self.start, self.length = stream, start, length

    def __iter__(self):
        if self.start:
            self.stream.seek(self.start)
        remaining = self.length
        while remaining > 0:
            chunk = self.stream.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk

    def close(self):
        self.stream.close()
