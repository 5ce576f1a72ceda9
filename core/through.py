"""Readable names for the link tables Django creates for many-to-many fields.

Without this, editors read "Person_municipalities object (15)" under the heading
"person-municipality-Beziehung", for example when deleting a person. Names and text are not part of
the database schema, so no migration is involved.
"""

from django.apps import apps
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop

# Marked only: the names of the two models are filled in when the text is shown.
SINGULAR = gettext_noop("Zuordnung %(from)s – %(to)s")
PLURAL = gettext_noop("Zuordnungen %(from)s – %(to)s")


def _describe(template, source, target):
    return gettext(template) % {
        "from": source._meta.verbose_name,
        "to": target._meta.verbose_name,
    }


_lazy_describe = lazy(_describe, str)


def _link_str(link):
    return " – ".join(str(getattr(link, field.name)) for field in _link_fields(link._meta))


def _link_fields(opts):
    return [field for field in opts.fields if field.many_to_one]


def name_link_tables():
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if not opts.auto_created or model.__str__ is not models.Model.__str__:
            continue
        source, target = (field.related_model for field in _link_fields(opts))
        model.__str__ = _link_str
        opts.verbose_name = _lazy_describe(SINGULAR, source, target)
        opts.verbose_name_plural = _lazy_describe(PLURAL, source, target)
