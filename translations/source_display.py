"""The German text beside each translation field in the admin, and what changed in it.

Rendered on the server around whatever widget the field has (a textarea, a rich-text
editor), so it works without JavaScript and leaves the widget alone.
"""

import re
from dataclasses import dataclass

from django.forms.boundfield import BoundField
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from modeltranslation.fields import TranslationField

from core.richtext import RichTextField, sanitize_html

from .diff import visible_text, word_diff
from .models import TranslationTracked
from .status import OUTDATED, SOURCE, TARGETS, field_status, recorded_source

# nh3 writes headings as bare <h2>…</h2> (they may carry no attributes). Inside the form
# they would become headings of the admin page, seven times over: shown as bold lines instead.
HEADING = re.compile(r"<(/?)h[2-4]>")


@dataclass(frozen=True)
class GermanSource:
    """The saved German text of one field, as the translation into one language sees it."""

    text: str
    rich: bool
    outdated: bool
    # The German the translation was made for; None when that was not recorded.
    previous: str | None

    @property
    def display(self):
        if self.rich:
            html = HEADING.sub(_heading_as_line, sanitize_html(self.text))
            return mark_safe(html)  # noqa: S308 - cleaned by nh3 just now
        return self.text

    @property
    def changes(self):
        """Word diff from the German the translation was made for to today's; None if unknown."""
        if not (self.outdated and self.previous is not None):
            return None
        return word_diff(
            visible_text(self.previous, rich=self.rich), visible_text(self.text, rich=self.rich)
        )


def _heading_as_line(match):
    return "</p>" if match[1] else '<p class="translation-source__heading">'


def german_source(obj, field, language):
    """The German source of a saved object's field, for the translation into `language`."""
    if not isinstance(obj, TranslationTracked) or obj._state.adding:
        return None
    outdated = field_status(obj, field, language) == OUTDATED
    return GermanSource(
        text=getattr(obj, f"{field}_{SOURCE}", None) or "",
        rich=isinstance(obj._meta.get_field(field), RichTextField),
        outdated=outdated,
        previous=recorded_source(obj, field, language) if outdated else None,
    )


def translation_target(db_field):
    """(field, language) when `db_field` holds a translation out of German, else None."""
    if isinstance(db_field, TranslationField) and db_field.language in TARGETS:
        return db_field.translated_field.name, db_field.language
    return None


class GermanSourceBoundField(BoundField):
    """A translation field rendered below the German text it translates."""

    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        # Read now, before validation: a form that failed it holds the submitted, unsaved
        # values in its instance, and the German shown must be the saved one.
        self.german_source = german_source(form.instance, *field.translation_target)

    def __str__(self):
        widget = super().__str__()
        if self.german_source is None:
            return widget
        return render_to_string(
            "admin/translations/german_source.html",
            {"source": self.german_source, "widget": widget, "id": self.auto_id},
        )

    __html__ = __str__
