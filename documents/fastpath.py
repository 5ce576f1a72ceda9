"""Public downloads at static-file speed: the stable address without the middleware and the view.

A download is answered from what this process learnt at the first request for the same
address: which stored file the document's current version offers in that language. That
knowledge belongs to the page cache's generation and next scheduled boundary
(core.pagecache), so any save, delete, import, restore or scheduled change to the content
sends the next request through the view again: a reader never gets a replaced file.

Placed right after WhiteNoise, it costs one round trip to the shared cache; the response is
the view's own (validators, ranges, 304, offloading to nginx or the object store).
"""

import re

from django.conf import settings
from django.http import Http404
from django.utils import timezone, translation

from core import pagecache

DOWNLOAD = re.compile(r"^/([a-z]{2})/dokumente/([-\w]+)/download/$", re.ASCII)
# Addresses remembered per process; a new generation starts the table afresh.
MAX_ENTRIES = 5000
# (state of the page cache, {address: what it serves}), shared by the process's handlers.
_memory = (None, {})


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
            state = pagecache._state(timezone.now())
        except Exception:
            # Without the shared cache nobody could tell this process about an edit.
            return self.get_response(request)
        global _memory
        if _memory[0] != state:
            _memory = (state, {})
        known = _memory[1]
        language, slug = found.groups()
        offered = known.get(request.path_info)
        if offered is None:
            offered = self._look_up(language, slug)
            if offered is None:
                return self.get_response(request)
            if len(known) >= MAX_ENTRIES:
                known.clear()
            known[request.path_info] = offered
        from . import views

        with translation.override(language):
            return views.serve_offered(request, *offered)

    @staticmethod
    def _look_up(language, slug):
        from . import views

        with translation.override(language):
            try:
                return views.offered_download(slug)
            except Http404:
                return None
