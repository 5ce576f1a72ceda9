"""Context every page needs. Must not touch the database: the 500 page uses it too."""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.urls import reverse, translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.translation import override

from .languages import SOURCE_LANGUAGE, current_language, site_language


def _alternates(request):
    # With the query string, so a finder result or page 2 of a list stays what the reader sees.
    path = request.get_full_path()
    current = current_language()
    alternates = []
    for code, _name in settings.LANGUAGES:
        language = site_language(code)
        url = translate_url(path, code)
        if url == path and code != current:
            # A path that does not resolve (a 404) has no counterpart: offer that start page.
            with override(code):
                url = reverse("home")
        alternates.append(
            {
                "code": code,
                "name": language.endonym,
                "url": url,
                "bidi": language.is_rtl,
                "script": language.script,
            }
        )
    return alternates


def _origin(request):
    """Scheme and host for the absolute hreflang links; empty when the Host header is forged."""
    try:
        return f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        # The 400 page answering that very header must still render.
        return ""


def languages(request):
    language = site_language(current_language())
    # Worked out only if the page shows them: a cached header or head does not (see fragments).
    alternates = SimpleLazyObject(lambda: _alternates(request))
    x_default = SimpleLazyObject(
        lambda: next((a["url"] for a in alternates if a["code"] == SOURCE_LANGUAGE), "/")
    )
    return {
        "LANGUAGE_BIDI": language.is_rtl,
        "LANGUAGE_SCRIPT": language.script,
        "site_origin": _origin(request),
        "language_alternates": alternates,
        "x_default_url": x_default,
    }
