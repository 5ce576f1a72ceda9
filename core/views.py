"""Site-wide answers that belong to no content: language redirect, health, robots, errors."""

import datetime
import sys
import threading

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import resolve, reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from . import preview as previews
from . import request_id


def root_redirect(request):
    """Send `/` to the start page in the browser's preferred language, else German."""
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("home"))
    patch_vary_headers(response, ("Accept-Language",))
    return response


class _DatabaseCheck:
    """`SELECT 1` in a thread of its own, so /healthz answers in time even if the database hangs.

    While one check still waits for a frozen database, the next request does not start another.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.running = None

    def __call__(self, deadline):
        with self.lock:
            if self.running is None or not self.running.is_alive():
                self.running = threading.Thread(target=self._check, daemon=True)
                self.running.result = None
                self.running.start()
            thread = self.running
        thread.join(deadline)
        return thread.result is True

    @staticmethod
    def _check():
        thread = threading.current_thread()
        connection = connections["default"]
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            thread.result = True
        except DatabaseError:
            thread.result = False
        finally:
            connection.close()


_database_check = _DatabaseCheck()


@require_safe
def healthz(request):
    if not _database_check(settings.HEALTHZ_DATABASE_SECONDS):
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def security_txt(request):
    """RFC 9116: whom to tell about a vulnerability, valid for a year from today."""
    expires = timezone.now().replace(microsecond=0) + datetime.timedelta(days=365)
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: de, en",
        f"Canonical: {request.build_absolute_uri(reverse('security_txt'))}",
    ]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=86400)
    return response


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /healthz",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _private(response):
    """A preview is for whoever holds the link: no cache keeps it, no search engine lists it."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_safe
def preview(request, token):
    """The previewed object's own page, rendered by its own view as readers will see it."""
    try:
        obj = previews.load(token)
    except (previews.PreviewExpired, previews.PreviewInvalid) as error:
        expired = isinstance(error, previews.PreviewExpired)
        response = render(
            request, "preview_expired.html", {"expired": expired}, status=410 if expired else 404
        )
        return _private(response)
    # The view finds the object through `core.publication.preview_pk`.
    request.preview_object = obj
    match = resolve(obj.get_absolute_url())
    try:
        response = match.func(request, *match.args, **match.kwargs)
    except Http404:
        # E.g. a document without a file: the page cannot be shown yet, not even as a preview.
        response = render(request, "404.html", status=404)
    return _private(response)


def error_page(template_name, status):
    def view(request, exception=None):
        return render(request, template_name, status=status)

    return view


def server_error(request):
    """The 500 page, or 503 when the database failed: rendered without the database.

    Plain HTML if even that fails. Both name the request's id for the reader to quote.
    """
    status, template_name = 500, "500.html"
    if isinstance(sys.exc_info()[1], DatabaseError):
        status, template_name = 503, "503.html"
    context = {"request_id": request_id.current()}
    # The error may have come before the language was chosen (the page cache runs first).
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    try:
        with translation.override(language):
            html = loader.render_to_string(template_name, context, request=request)
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        html = (
            "<!doctype html><html lang=de><title>Serverfehler</title>"
            "<h1>Es ist ein Fehler aufgetreten.</h1>"
            f"<p>{context['request_id']}"
        )
    response = HttpResponse(html, status=status)
    if status == 503:
        response["Retry-After"] = "60"
    return response
