"""`make bench`: the production settings plus a hello-world view to measure against.

This module is also the URLconf: the site's own addresses plus `/bench/hello/`. A request
with the header `X-Bench-Edit: 1` raises the page cache's generation first, exactly as a
content save does, so it measures the first render after an edit.
"""

from django.http import HttpResponse
from django.urls import include, path

from .prod import *  # noqa: F403

ROOT_URLCONF = "integration_site.settings.bench"
MIDDLEWARE = [
    *MIDDLEWARE[:3],  # noqa: F405
    "integration_site.settings.bench.EditMiddleware",
    *MIDDLEWARE[3:],  # noqa: F405
]


def hello(request):
    return HttpResponse(b"Hello, world!", content_type="text/plain")


class EditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.headers.get("X-Bench-Edit"):
            from core import pagecache

            pagecache._bump_now()
        return self.get_response(request)


urlpatterns = [
    path("bench/hello/", hello),
    path("", include("integration_site.urls")),
]
