"""Public downloads at static-file speed: the stable address without the middleware and the view.

A download is answered from what this process learnt at the first request for the same
address: which stored file the document's current version offers in that language. That
knowledge belongs to the page cache's generation and next scheduled boundary
(core.pagecache), so any save, delete, import, restore or scheduled change to the content
sends the next request through the view again: a reader never gets a replaced file.

Placed right after WhiteNoise, it asks the shared cache nothing while Redis announces no
change (core.statewatch: before each download the process reads any announcement waiting on
its subscription's socket; without Redis it reads the local cache). The response is the
view's own (validators, ranges, 304, offloading to nginx or the object store). A plain GET of
a file on the local disk, the common case, gets the view's headers as they were worked out at
the first request, around the opened file.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest
from django.utils import timezone, translation

from core import statewatch

DOWNLOAD = re.compile(r"^/([a-z]{2})/dokumente/([-\w]+)/download/$", re.ASCII)
# Addresses remembered per process; a new generation starts the table afresh.
MAX_ENTRIES = 5000
# (state of the page cache, {address: what it serves}), shared by the process's handlers.
_memory = (None, {})
# Requests the view must answer itself: conditional, partial or for the headers only.
CONDITIONAL = (
    "HTTP_RANGE",
    "HTTP_IF_RANGE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


@dataclass(frozen=True)
class Offer:
    """What an address serves: the view's arguments, and for a local file its path and headers."""

    offered: tuple
    path: str = ""
    headers: tuple = ()


class _KnownFileResponse(FileResponse):
    """A file whose headers are known already: none is worked out again (as WhiteNoise does)."""

    def set_headers(self, filelike):
        pass


def forget():
    """Drop what this process knows (the next download asks the view again)."""
    global _memory
    _memory = (None, {})


class DownloadFastPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        found = DOWNLOAD.match(request.path_info)
        if (
            found is None
            or request.method not in ("GET", "HEAD")
            or not settings.PAGE_CACHE_ENABLED
            or found.group(1) not in dict(settings.LANGUAGES)
        ):
            return self.get_response(request)
        try:
            state = statewatch.state(timezone.now())
        except Exception:
            # Without the shared cache nobody could tell this process about an edit.
            return self.get_response(request)
        global _memory
        if _memory[0] != state:
            _memory = (state, {})
        known = _memory[1]
        language, slug = found.groups()
        offer = known.get(request.path_info)
        if offer is None:
            offer = self._look_up(language, slug)
            if offer is None:
                return self.get_response(request)
            if len(known) >= MAX_ENTRIES:
                known.clear()
            known[request.path_info] = offer
        if (
            offer.path
            and request.method == "GET"
            and not any(h in request.META for h in CONDITIONAL)
        ):
            try:
                response = _KnownFileResponse(open(offer.path, "rb"))  # noqa: SIM115 - closed by the server
            except OSError:
                # Gone behind the database's back: the view answers from the database.
                return self.get_response(request)
            for name, value in offer.headers:
                response[name] = value
            return response
        from . import views

        with translation.override(language):
            try:
                return views.serve_offered(request, *offer.offered)
            except OSError:
                return self.get_response(request)

    @staticmethod
    def _look_up(language, slug):
        from . import views

        with translation.override(language):
            try:
                offered = views.offered_download(slug)
            except Http404:
                return None
            _document, document_file, _modified = offered
            if settings.DOWNLOAD_OFFLOAD:
                return Offer(offered)
            try:
                path = document_file.file.path
            except NotImplementedError:  # an object store: the view streams it
                return Offer(offered)
            # The view's own headers for a plain GET, from its answer to HEAD (which opens
            # nothing, so nothing needs closing: closing a response ends the request).
            probe = HttpRequest()
            probe.method = "HEAD"
            response = views.serve_offered(probe, *offered)
            return Offer(offered, path=path, headers=tuple(response.items()))
