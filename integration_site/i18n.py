"""Language helpers: which languages the site speaks and how content falls back."""

from django.conf import settings
from django.utils.translation import get_language, get_language_info

SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def current_language():
    return (get_language() or SOURCE_LANGUAGE).split("-")[0]


def is_rtl(code):
    return get_language_info(code)["bidi"]


def field_in_language(obj, field, language=None):
    """The field's text in the reader's language, and whether it is a German fallback.

    Returns (value, fallback) where fallback is True when the text shown is the German
    source because the reader's language has none.
    """
    language = language or current_language()
    own = getattr(obj, f"{field}_{language}", None)
    if own or language == SOURCE_LANGUAGE:
        return own or "", False
    source = getattr(obj, f"{field}_{SOURCE_LANGUAGE}", None) or ""
    return source, bool(source)


def breadcrumb(obj, field="title", url=None):
    """A breadcrumb entry for an object's translated field, marked German when it falls back."""
    label, fallback = field_in_language(obj, field)
    return {"label": label, "url": url, "lang": SOURCE_LANGUAGE if fallback else None}
