"""Model fields shared by every app."""

from inspect import getattr_static

import nh3
from django.db import models
from django.db.models.query_utils import DeferredAttribute

# What editors may use in rich text: structure and links, nothing that runs or styles.
ALLOWED_TAGS = {
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
    "b",
    "i",
    "a",
    "abbr",
    "blockquote",
    "dl",
    "dt",
    "dd",
    "span",
    "bdi",
    "table",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "address",
    "time",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "hreflang", "lang", "title"},
    "abbr": {"title"},
    "span": {"lang", "dir"},
    "bdi": {"dir"},
    "p": {"lang", "dir"},
    "li": {"lang", "dir"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "time": {"datetime"},
}


def sanitize_html(value):
    if not value:
        return value
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener",
    ).strip()


class RichTextField(models.TextField):
    """HTML written by editors; cleaned on every save so nothing unsafe is ever stored."""

    def pre_save(self, model_instance, add):
        value = sanitize_html(super().pre_save(model_instance, add))
        # Keep the instance in step with what is stored – but only for plain attributes: the
        # untranslated field is modeltranslation's proxy, and writing to it would copy the
        # German fallback into the active language.
        if isinstance(getattr_static(type(model_instance), self.attname, None), DeferredAttribute):
            setattr(model_instance, self.attname, value)
        return value
