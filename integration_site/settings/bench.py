"""`make bench`: the production settings plus a hello-world view to measure against.

This module is also the bench's URLconf: the site's addresses plus `/bench/hello/`, a bare
view that is never served from the page cache. A request with the header `X-Bench-Edit: <app>`
raises the page cache's generations first, exactly as a write to a table of that content app
does (`X-Bench-Edit: all`: of every app), so it measures the first render after an edit.
"""

from django.http import HttpResponse
from django.urls import path
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache

from .prod import *  # noqa: F403

ROOT_URLCONF = "integration_site.settings.bench"
MIDDLEWARE = [
    *MIDDLEWARE[:3],  # noqa: F405
    "integration_site.settings.bench.EditMiddleware",
    *MIDDLEWARE[3:],  # noqa: F405
]


@never_cache
def hello(request):
    return HttpResponse(b"Hello, world!", content_type="text/plain")


class EditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.bump = import_string("core.pagecache.bump")

    def __call__(self, request):
        edited = request.headers.get("X-Bench-Edit")
        if edited:
            self.bump(app=None if edited == "all" else edited)
        return self.get_response(request)


def __getattr__(name):
    # Read by the URL resolver once the apps are loaded; the site's URLconf imports models.
    from integration_site import urls

    if name == "urlpatterns":
        return [path("bench/hello/", hello), *urls.urlpatterns]
    if name.startswith("handler"):
        return getattr(urls, name)
    raise AttributeError(name)
