"""Reading translated content: the reader's language, else German marked as German.

The one place that decides how German text inside another language is marked
(`lang="de" dir="ltr"`) and what readers are told about German or outdated sections.
"""

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.languages import SOURCE_LANGUAGE, current_language

from .models import TranslationTracked
from .status import OUTDATED, field_status

# German is written left to right: inside Arabic or Farsi it needs its own direction.
GERMAN_ATTRIBUTES = {"lang": SOURCE_LANGUAGE, "dir": "ltr"}
GERMAN_ATTRS = "".join(f' {name}="{value}"' for name, value in GERMAN_ATTRIBUTES.items())


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


def german_attrs(fallback=True):
    """` lang="de" dir="ltr"` for German text inside another language, else nothing."""
    if not fallback or current_language() == SOURCE_LANGUAGE:
        return ""
    return mark_safe(GERMAN_ATTRS)  # noqa: S308 - constant text


def mark_german(content, *, element="span", fallback=True):
    """Wrap German text shown inside another language, so it is read out as German."""
    attrs = german_attrs(fallback)
    if not attrs:
        return content
    return format_html("<{}{}>{}</{}>", element, attrs, content, element)


def fallback_note():
    """The reader's one-line notice before a section shown in German."""
    return format_html(
        '<p class="fallback-note">{}</p>', _("Dieser Abschnitt ist nur auf Deutsch verfügbar.")
    )


def outdated_note(obj, field):
    """The reader's notice before a translation older than the German text, else nothing."""
    if not (
        isinstance(obj, TranslationTracked)
        and field_status(obj, field, current_language()) == OUTDATED
    ):
        return ""
    return format_html(
        '<p class="fallback-note outdated-note">{}</p>',
        _("Die deutsche Fassung dieses Abschnitts ist neuer als diese Übersetzung."),
    )


def german_original(obj, field, value):
    """The German name in brackets that ends a translation ("… (Sachbericht 2022)"), or "".

    Titles of forms and names on door signs carry it in every language so that readers can
    match them (README, "German originals in brackets").
    """
    german = getattr(obj, f"{field}_de", "") or ""
    if german and value != german and value.endswith(f" ({german})"):
        return german
    return ""


def short_text_in_language(obj, field):
    """The field in the reader's language without a German original in brackets.

    For attributes, <title> and breadcrumbs: there the German part could not be marked.
    """
    value, fallback = field_in_language(obj, field)
    original = "" if fallback else german_original(obj, field, value)
    return (value[: -len(original) - 3] if original else value), fallback


def breadcrumb(obj, field="title", url=None):
    """A breadcrumb entry for an object's translated field, marked German when it falls back."""
    label, fallback = short_text_in_language(obj, field)
    return {"label": label, "url": url, "german": fallback}
