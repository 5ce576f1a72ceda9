"""Model fields shared by every app."""

import base64
import functools
import hashlib
import re
from html.parser import HTMLParser
from inspect import getattr_static

import nh3
from django import forms
from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django_prose_editor.widgets import AdminProseEditorWidget

from .prose import EDITOR_EXTENSIONS

# What the admin's editor writes (its extensions are in core/prose.py; a test holds the two
# equal). Editors never type HTML for these.
EDITOR_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "a",
    "blockquote",
    "address",
    "span",
}
EDITOR_ATTRIBUTES = {
    "a": {"href", "title"},
    "span": {"lang", "dir"},
    "p": {"lang", "dir"},
    "li": {"lang", "dir"},
}
# Kept for text written as HTML before the editor or brought in by an XLIFF import. The
# editor would drop these, so a text that uses them is edited as HTML (see RichTextWidget).
HTML_ONLY_TAGS = {
    "b",
    "i",
    "abbr",
    "dl",
    "dt",
    "dd",
    "bdi",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "time",
}
HTML_ONLY_ATTRIBUTES = {
    "a": {"hreflang", "lang"},
    "abbr": {"title"},
    "bdi": {"dir"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "time": {"datetime"},
}
# What the sanitiser keeps: structure and links, nothing that runs or styles.
ALLOWED_TAGS = EDITOR_TAGS | HTML_ONLY_TAGS
ALLOWED_ATTRIBUTES = {
    tag: EDITOR_ATTRIBUTES.get(tag, set()) | HTML_ONLY_ATTRIBUTES.get(tag, set())
    for tag in EDITOR_ATTRIBUTES.keys() | HTML_ONLY_ATTRIBUTES.keys()
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(value):
    if not value:
        return value
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
    ).strip()


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = set()

    def handle_starttag(self, tag, attrs):
        self.found.add((tag, None))
        self.found.update((tag, name) for name, _value in attrs)


def editor_keeps(value):
    """Whether the editor can load and save this HTML without dropping any of its markup."""
    parser = _Markup()
    parser.feed(value or "")
    parser.close()
    # The sanitiser puts rel="noopener" back on every link.
    keeps = {("a", "rel")}
    return all(
        (tag, attribute) in keeps
        or (
            tag in EDITOR_TAGS
            and (attribute is None or attribute in EDITOR_ATTRIBUTES.get(tag, ()))
        )
        for tag, attribute in parser.found
    )


class RichTextWidget(AdminProseEditorWidget):
    """The editor over a textarea; the textarea alone without JavaScript.

    A text that uses markup the editor cannot keep (a table, say) stays a plain HTML
    textarea, so opening and saving it never loses what readers see.
    """

    template_name = "core/widgets/rich_text.html"
    CONFIG_ATTRIBUTE = "data-django-prose-editor-configurable"

    def __init__(self, attrs=None):
        super().__init__(attrs, config={"extensions": EDITOR_EXTENSIONS}, preset="configurable")

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["core/css/prose_editor.css"]})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if not editor_keeps(value):
            del context["widget"]["attrs"][self.CONFIG_ATTRIBUTE]
            context["widget"]["html_only"] = True
        return context


@functools.cache
def editor_importmap_source():
    """The CSP source that lets the editor's import map, an inline script, run in the admin."""
    rendered = str(RichTextWidget().media)
    content = re.search(r'<script type="importmap">(.*?)</script>', rendered, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(content.encode()).digest()).decode()
    return f"'sha256-{digest}'"


class RichTextField(models.TextField):
    """HTML written by editors; cleaned on every save so nothing unsafe is ever stored."""

    def formfield(self, **kwargs):
        widget = kwargs.get("widget")
        # The admin asks for its textarea; the editor takes its place.
        widget_class = widget if isinstance(widget, type) else type(widget)
        if widget is None or issubclass(widget_class, forms.Textarea):
            kwargs["widget"] = RichTextWidget
        return super().formfield(**kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_html(super().pre_save(model_instance, add))
        # Keep the instance in step with what is stored – but only for plain attributes: the
        # untranslated field is modeltranslation's proxy, and writing to it would copy the
        # German fallback into the active language.
        if isinstance(getattr_static(type(model_instance), self.attname, None), DeferredAttribute):
            setattr(model_instance, self.attname, value)
        return value
