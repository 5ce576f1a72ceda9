"""Site-wide answers that belong to no content: language redirect, health, robots, errors."""

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


def root_redirect(request):
    """Send `/` to the start page in the browser's preferred language, else German."""
    language = translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        response = HttpResponseRedirect(reverse("home"))
    patch_vary_headers(response, ("Accept-Language",))
    return response


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
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /healthz",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
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
        html = (
            "<!doctype html><html lang=de><title>Serverfehler</title>"
            "<h1>Es ist ein Fehler aufgetreten.</h1>"
        )
    return HttpResponse(html, status=500)
