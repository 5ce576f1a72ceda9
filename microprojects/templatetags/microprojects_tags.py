from django import template
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from integration_site.i18n import SOURCE_LANGUAGE, current_language, field_in_language
from integration_site.translation_state import OUTDATED, TranslationTracked, field_status

from ..formatting import format_amount

register = template.Library()


@register.simple_tag
def amount(value):
    """A euro amount in the reader's notation, isolated so RTL text cannot reorder it."""
    return format_html('<span dir="ltr" class="amount">{}</span>', format_amount(value))


@register.simple_tag
def time_element(value, display_format="DATE_FORMAT", machine_format="Y-m-d"):
    """A <time> element, usable as a variable inside {% blocktranslate %}."""
    return format_html('<time datetime="{}">{}</time>', date_format(value, machine_format),
                       date_format(value, display_format))


@register.simple_tag
def german(text):
    """A German proper name (town, association) marked as German inside other languages."""
    if current_language() == SOURCE_LANGUAGE:
        return text
    return format_html('<span lang="de" dir="ltr">{}</span>', text)


@register.simple_tag
def translated_list(obj, field):
    """A one-entry-per-line field as a bulleted list; German fallback marked as German."""
    value, fallback = field_in_language(obj, field)
    items = [line.strip().lstrip("-•*").strip() for line in value.splitlines()]
    items = [item for item in items if item]
    if not items:
        return ""
    entries = format_html_join("", "<li>{}</li>", ((item,) for item in items))
    if not fallback:
        note = ""
        if (isinstance(obj, TranslationTracked)
                and field_status(obj, field, current_language()) == OUTDATED):
            note = format_html('<p class="fallback-note outdated-note">{}</p>', _(
                "Die deutsche Fassung dieses Abschnitts ist neuer als diese Übersetzung."))
        return format_html('{}<ul class="bullet-list">{}</ul>', note, entries)
    return format_html(
        '<p class="fallback-note">{}</p><ul class="bullet-list" lang="de" dir="ltr">{}</ul>',
        _("Dieser Abschnitt ist nur auf Deutsch verfügbar."), entries,
    )
