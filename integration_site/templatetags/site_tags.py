from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from integration_site.fields import RichTextField
from integration_site.formats import format_size
from integration_site.i18n import current_language, field_in_language
from integration_site.translation_state import OUTDATED, TranslationTracked, field_status

register = template.Library()


def _is_outdated(obj, field):
    return (isinstance(obj, TranslationTracked)
            and field_status(obj, field, current_language()) == OUTDATED)


def _is_rich(obj, field):
    return isinstance(obj._meta.get_field(field), RichTextField)


@register.simple_tag
def translated(obj, field, block=False):
    """Render a translated field; German fallback text is marked as German.

    Inline use (titles, names) wraps fallback text in a span; `block=True` renders rich
    text and puts a one-line notice in the reader's language before the German text.
    """
    value, fallback = field_in_language(obj, field)
    content = mark_safe(value) if _is_rich(obj, field) else value  # noqa: S308 - sanitised on save
    if not fallback:
        if block and _is_outdated(obj, field):
            return format_html(
                '<p class="fallback-note outdated-note">{}</p>{}',
                _("Die deutsche Fassung dieses Abschnitts ist neuer als diese Übersetzung."),
                content,
            )
        return content
    if not block:
        return format_html('<span lang="de" dir="ltr">{}</span>', content)
    return format_html(
        '<p class="fallback-note">{}</p><div lang="de" dir="ltr" class="fallback">{}</div>',
        _("Dieser Abschnitt ist nur auf Deutsch verfügbar."),
        content,
    )


@register.simple_tag
def translated_text(obj, field):
    """Plain text of a translated field for attributes and <title>, falling back to German."""
    value, _fallback = field_in_language(obj, field)
    return value


@register.filter
def file_size(size):
    """Bytes as readers see them: "608 kB", "1,7 MB" (decimal separator per language)."""
    return format_size(size)
