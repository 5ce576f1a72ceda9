import re

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from core.bidi import isolate_for_reader
from core.richtext import RichTextField

from ..fallback import (
    fallback_note,
    field_in_language,
    german_attrs,
    german_original,
    mark_german,
    outdated_note,
    short_text_in_language,
)

register = template.Library()


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
        if not block and not _is_rich(obj, field):
            original = _german_original(obj, field, value)
            if original:
                return original
        # German fallback text is already set left to right as a whole.
        content = isolate_for_reader(content)
        return format_html("{}{}", outdated_note(obj, field), content) if block else content
    if not block:
        return mark_german(content)
    return format_html(
        '{}<div{} class="fallback">{}</div>', fallback_note(), german_attrs(), content
    )


def _german_original(obj, field, value):
    """ "Proof of use 2022 (Verwendungsnachweis 2022)": the German name in brackets, marked.

    Screen readers then say it in German; the translated part keeps the reader's direction.
    """
    german = german_original(obj, field, value)
    if not german:
        return None
    base = value[: -len(german) - 3]
    return format_html("{} ({})", isolate_for_reader(base), mark_german(german))


@register.simple_tag
def translated_text(obj, field):
    """Plain text of a translated field for attributes and <title>, falling back to German.

    A German original in brackets is left out: an attribute cannot mark it as German.
    """
    return short_text_in_language(obj, field)[0]


@register.simple_tag
def translated_list(obj, field):
    """A one-entry-per-line field as a bulleted list; German fallback marked as German."""
    value, fallback = field_in_language(obj, field)
    items = [line.strip().lstrip("-•*").strip() for line in value.splitlines()]
    items = [item for item in items if item]
    if not items:
        return ""
    if not fallback:
        items = [isolate_for_reader(item) for item in items]
    entries = format_html_join("", "<li>{}</li>", ((item,) for item in items))
    note = fallback_note() if fallback else outdated_note(obj, field)
    return format_html('{}<ul class="bullet-list"{}>{}</ul>', note, german_attrs(fallback), entries)


@register.simple_tag
def translated_paragraphs(obj, field):
    """Plain text as paragraphs: a blank line starts a new one, a single line break stays."""
    value, fallback = field_in_language(obj, field)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value.replace("\r\n", "\n"))]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return ""
    if not fallback:
        paragraphs = [isolate_for_reader(p) for p in paragraphs]
    # conditional_escape first: only the <br> added here is markup.
    html = format_html_join(
        "",
        "<p>{}</p>",
        ((mark_safe(conditional_escape(p).replace("\n", "<br>")),) for p in paragraphs),  # noqa: S308
    )
    if fallback:
        return format_html(
            '{}<div{} class="fallback">{}</div>', fallback_note(), german_attrs(), html
        )
    return format_html("{}{}", outdated_note(obj, field), html)


@register.simple_tag
def german(text):
    """A German proper name (town, association, address) marked as German in other languages."""
    return mark_german(text)


@register.simple_tag(name="german_attrs")
def german_attrs_tag(fallback=True):
    """` lang="de" dir="ltr"` on an element holding German text, inside another language."""
    return german_attrs(fallback)
