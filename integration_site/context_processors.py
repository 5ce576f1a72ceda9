"""Context every page needs. Must not touch the database: the 500 page uses it too."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils.translation import get_language_info, override
from django.utils.translation import gettext_lazy as _

from .i18n import SOURCE_LANGUAGE, current_language

NAVIGATION = [
    ("home", _("Start")),
    ("office", _("Koordinierungsstelle")),
    ("contacts:index", _("Ansprechpersonen")),
    ("documents:index", _("Dokumente")),
    ("microprojects:index", _("Mikroprojekte")),
]


# Each language named in itself as the UX guide writes it (Django's names differ in form).
ENDONYMS = {
    "de": "Deutsch", "en": "English", "ar": "العربية", "fa": "فارسی",
    "uk": "Українська", "ru": "Русский", "tr": "Türkçe", "es": "Español",
}


def _alternates(request):
    # With the query string, so a finder result or page 2 of a list stays what the reader sees.
    path = request.get_full_path()
    current = current_language()
    alternates = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        url = translate_url(path, code)
        if url == path and code != current:
            # A path that does not resolve (a 404) has no counterpart: offer that start page.
            with override(code):
                url = reverse("home")
        alternates.append({
            "code": code,
            "name": ENDONYMS.get(code, info["name_local"]),
            "url": url,
            "bidi": info["bidi"],
        })
    return alternates


def _navigation(request):
    items = []
    for name, label in NAVIGATION:
        url = reverse(name)
        current = request.path == url if name == "home" else request.path.startswith(url)
        items.append({"url": url, "label": label, "current": current})
    return items


def _origin(request):
    """Scheme and host for the absolute hreflang links; empty when the Host header is forged."""
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        # The 400 page answering that very header must still render.
        return ""


def site(request):
    language = current_language()
    alternates = _alternates(request)
    x_default = next((a["url"] for a in alternates if a["code"] == SOURCE_LANGUAGE), "/")
    with override(language):
        navigation = _navigation(request)
    return {
        "LANGUAGE_BIDI": get_language_info(language)["bidi"],
        "site_origin": _origin(request),
        "language_alternates": alternates,
        "x_default_url": x_default,
        "navigation": navigation,
    }
