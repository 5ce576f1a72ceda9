"""Site-wide middleware: security headers and the admin's language."""

from django.conf import settings
from django.utils import translation

from .richtext import editor_importmap_source

# Public pages: no inline script or style, nothing from another origin.
PUBLIC_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "media-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Django's admin and the rich-text editor set inline style attributes; scripts stay
# restricted to our origin, plus the editor's import map by its hash.
ADMIN_CSP = PUBLIC_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            csp = ADMIN_CSP.replace(
                "script-src 'self'", f"script-src 'self' {editor_importmap_source()}"
            )
        else:
            csp = PUBLIC_CSP
        response.headers.setdefault("Content-Security-Policy", csp)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class AdminInGermanMiddleware:
    """Editors read the admin in German, whatever their browser asks for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
