import hashlib
from pathlib import PurePosixPath

from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from contacts import selectors as contact_selectors
from documents import selectors as document_selectors

from .downloads import serve_stored_file
from .i18n import breadcrumb
from .models import Notice, Page, Video


def root_redirect(request):
    """Send `/` to the start page in the browser's preferred language, else German."""
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("home"))
    patch_vary_headers(response, ("Accept-Language",))
    return response


def home(request):
    page = get_object_or_404(Page, key=Page.Key.HOME)
    notices = list(Notice.objects.visible())
    banner = next((n for n in notices if n.is_highlighted), None)
    return render(request, "integration_site/home.html", {
        "page": page,
        "banner": banner,
        "notices": [n for n in notices if n is not banner],
    })


def office(request):
    page = get_object_or_404(Page, key=Page.Key.OFFICE)
    return render(request, "integration_site/office.html", {
        "page": page,
        "breadcrumbs": [breadcrumb(page)],
        **contact_selectors.office_page_context(),
        **document_selectors.office_page_context(),
    })


def page(request, key):
    page = get_object_or_404(Page.objects.prefetch_related("videos"), key=key)
    return render(request, "integration_site/page.html", {
        "page": page,
        # A video whose file has gone missing cannot be played; it must not break the page.
        "videos": [video for video in page.videos.all() if video.file_size is not None],
        "breadcrumbs": [breadcrumb(page)],
    })


VIDEO_TYPES = {".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm",
               ".vtt": "text/vtt; charset=utf-8"}


@require_safe
def video_file(request, pk, kind):
    """A sign-language video or its captions, with byte ranges so players can seek."""
    video = get_object_or_404(Video, pk=pk)
    field_file = video.captions if kind == "untertitel" else video.file
    if not field_file:
        raise Http404
    storage = field_file.storage
    try:
        modified = storage.get_modified_time(field_file.name)
    except (NotImplementedError, OSError) as error:
        raise Http404 from error
    size = field_file.size
    return serve_stored_file(
        request, field_file, size=size, last_modified=modified,
        etag=hashlib.sha256(f"{field_file.name}:{size}:{modified}".encode()).hexdigest()[:32],
        content_type=VIDEO_TYPES.get(PurePosixPath(field_file.name).suffix.lower(),
                                     "application/octet-stream"),
        filename=PurePosixPath(field_file.name).name, inline=True, max_age=3600,
    )


@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /healthz",
             f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def error_page(template_name, status):
    def view(request, exception=None):
        return render(request, template_name, status=status)

    return view


def server_error(request):
    """The 500 page: rendered without the database, plain HTML if even that fails."""
    try:
        html = loader.render_to_string("500.html", request=request)
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        html = ("<!doctype html><html lang=de><title>Serverfehler</title>"
                "<h1>Es ist ein Fehler aufgetreten.</h1>")
    return HttpResponse(html, status=500)
