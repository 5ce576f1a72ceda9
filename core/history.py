"""Content history: stored states of content, how two states differ, and bringing one back.

django-reversion stores a revision (who, when, why) with one serialised row per saved
object: every concrete column, so every language column that modeltranslation adds, and
the many-to-many links. This module reads those rows for editors and restores them.

An app registers its content models here with `follow`: the objects that belong to one
(a team's tasks, a programme's steps) are stored, compared and restored with it.
"""

import difflib
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from html import unescape

import reversion
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reversion.models import Version

from .languages import language_name
from .richtext import RichTextField

_follow = {}
_keep = {}


def register(model, *, follow=(), keep=()):
    """Keep the history of `model`; `follow` names reverse relations stored along with it.

    `keep` names fields that restoring leaves as they are (a document's current file).
    """
    for name in follow:
        if not model._meta.get_field(name).one_to_many:
            raise ValueError(f"{model.__name__}.{name}: only reverse foreign keys are followed")
    reversion.register(model, follow=follow)
    _follow[model] = tuple(follow)
    _keep[model] = frozenset(keep)


def is_registered(model):
    return model in _follow


@contextmanager
def revision(comment="", *, user=None):
    """Record what is saved inside as one revision; inside another one, join it."""
    with reversion.create_revision():
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        if comment:
            reversion.set_comment(str(comment))
        yield


def versions_of(obj):
    return Version.objects.get_for_object(obj).select_related("revision__user").order_by("-pk")


def version_of(model, object_id, version_id):
    """The stored version `version_id` of this very object, or None."""
    return (
        Version.objects.get_for_object_reference(model, str(object_id))
        .select_related("revision__user")
        .filter(pk=version_id)
        .first()
    )


def deleted_versions(model):
    """The last stored version of each deleted object of `model`, newest deletion first."""
    return (
        Version.objects.get_deleted(model)
        .select_related("revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def previous_version(version):
    return (
        Version.objects.get_for_object_reference(
            version.content_type.model_class(), version.object_id
        )
        .filter(pk__lt=version.pk)
        .order_by("-pk")
        .first()
    )


def revision_date(revision):
    """When a revision was recorded, in the site's time zone: 12. März 2025, 14:03 Uhr."""
    return _("%(date)s Uhr") % {
        "date": date_format(timezone.localtime(revision.date_created), "j. F Y, H:i")
    }


def revision_user(revision):
    """Who recorded a revision, as text: the name, else the login; commands have nobody."""
    user = revision.user
    if user is None:
        return _("ohne Anmeldung (Befehl oder Import)")
    return user.get_full_name() or user.get_username()


# States -------------------------------------------------------------------------------


@dataclass
class State:
    """One object as stored or as it is now: its model, key, name and field values."""

    model: type
    pk: str
    name: str
    values: dict
    parent_field: str = ""

    @property
    def key(self):
        return (self.model, self.pk)


def _children(model):
    for name in _follow.get(model, ()):
        relation = model._meta.get_field(name)
        yield name, relation.related_model, relation.field.attname


def stored_states(version):
    """The object as `version` stored it, then what it follows, from the same revision."""
    model = version.content_type.model_class()
    root = State(model, version.object_id, version.object_repr, version.field_dict)
    states = [root]
    if _follow.get(model):
        siblings = list(version.revision.version_set.select_related("content_type"))
        _add_stored_children(root, siblings, states)
    return states


def _add_stored_children(parent, siblings, states):
    for _name, child_model, link in _children(parent.model):
        for version in siblings:
            if version.content_type.model_class() is not child_model:
                continue
            values = version.field_dict
            if str(values.get(link)) == parent.pk:
                child = State(child_model, version.object_id, version.object_repr, values, link)
                states.append(child)
                _add_stored_children(child, siblings, states)


def current_states(obj):
    """The object as it is now, then what it follows."""
    states = []

    def add(instance, link=""):
        states.append(
            State(type(instance), str(instance.pk), str(instance), _values(instance), link)
        )
        for name, _model, child_link in _children(type(instance)):
            for child in getattr(instance, name).all():
                add(child, child_link)

    add(obj)
    return states


def _m2m_fields(model):
    # A link table with fields of its own (a step's ordered forms) is a model of its own.
    return [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def _values(obj):
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    for f in _m2m_fields(type(obj)):
        values[f.attname] = [related.pk for related in getattr(obj, f.name).all()]
    return values


# Differences ---------------------------------------------------------------------------


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class ObjectChange:
    kind: str
    name: str
    status: str  # "changed", "added" or "removed"
    fields: list = field(default_factory=list)

    @property
    def heading(self):
        text = {
            "changed": _("%(kind)s „%(name)s“"),
            "added": _("%(kind)s „%(name)s“ (kommt hinzu)"),
            "removed": _("%(kind)s „%(name)s“ (fällt weg)"),
        }[self.status]
        return text % {"kind": self.kind, "name": self.name}


def compare(old_states, new_states):
    """What differs between two lists of states, object by object, in German words."""
    old = {state.key: state for state in old_states}
    new = {state.key: state for state in new_states}
    order = [*new, *(key for key in old if key not in new)]
    result = []
    for key in order:
        before, after = old.get(key), new.get(key)
        state = after or before
        if before is None:
            status = "added"
        elif after is None:
            status = "removed"
        else:
            status = "changed"
        changes = _field_changes(
            state.model,
            before.values if before else {},
            after.values if after else {},
            skip=state.parent_field,
        )
        if changes or status != "changed":
            result.append(
                ObjectChange(
                    kind=capfirst(state.model._meta.verbose_name),
                    name=state.name,
                    status=status,
                    fields=changes,
                )
            )
    return result


def shown_fields(model):
    """The fields editors can see: not the key, not bookkeeping such as 'zuletzt geändert'."""
    fields = [
        f
        for f in model._meta.concrete_fields
        if f.editable and not f.primary_key and not f.auto_created
    ]
    return [*fields, *_m2m_fields(model)]


def field_label(model_field):
    """The field's German label; a language column names its language: Titel (Arabisch)."""
    original = getattr(model_field, "translated_field", None)
    if original is not None:
        return _("%(field)s (%(language)s)") % {
            "field": capfirst(original.verbose_name),
            "language": language_name(model_field.language),
        }
    return capfirst(model_field.verbose_name)


def _field_changes(model, before, after, *, skip=""):
    changes = []
    for model_field in shown_fields(model):
        name = model_field.attname
        if name == skip or (name not in before and name not in after):
            continue
        old, new = before.get(name), after.get(name)
        if _same(model_field, old, new):
            continue
        changes.append(FieldChange(field_label(model_field), *_render(model_field, old, new)))
    return changes


def _same(model_field, old, new):
    if model_field.many_to_many:
        return sorted(old or []) == sorted(new or [])
    return _empty(old) and _empty(new) or old == new


def _empty(value):
    return value is None or value in ("", [], {})


EMPTY = format_html('<span class="history-empty">{}</span>', "–")


def _render(model_field, old, new):
    """Old and new value as safe HTML, with what was removed and added marked."""
    if model_field.many_to_many:
        return _render_lists(_related_names(model_field, old), _related_names(model_field, new))
    old_text, new_text = _display(model_field, old), _display(model_field, new)
    # Words are compared in texts; a number or code is one value, old or new.
    if _is_text(model_field) and old_text and new_text and _has_words(old_text, new_text):
        if old_text == new_text:
            # Rich text whose visible words stayed the same.
            note = format_html(' <span class="history-note">({})</span>', _("nur Formatierung"))
            return mark_safe(escape(old_text)), mark_safe(escape(new_text) + note)  # noqa: S308
        return word_diff(old_text, new_text)
    return (
        format_html("<del>{}</del>", old_text) if old_text else EMPTY,
        format_html("<ins>{}</ins>", new_text) if new_text else EMPTY,
    )


def _has_words(*texts):
    return any(len(text.split()) > 1 for text in texts)


def _render_lists(old, new):
    def side(items, others, tag):
        if not items:
            return EMPTY
        return mark_safe(  # noqa: S308 - every part is escaped by format_html
            ", ".join(
                format_html("<{0}>{1}</{0}>", tag, item) if item not in others else escape(item)
                for item in items
            )
        )

    return side(old, new, "del"), side(new, old, "ins")


TOKENS = re.compile(r"\s+|\w+|[^\w\s]")


def word_diff(old, new):
    """Both texts escaped, with the words that differ in <del> and <ins>."""
    a, b = TOKENS.findall(old), TOKENS.findall(new)
    old_parts, new_parts = [], []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            old_parts.append(escape(before))
            new_parts.append(escape(after))
            continue
        if before:
            old_parts.append(format_html("<del>{}</del>", before))
        if after:
            new_parts.append(format_html("<ins>{}</ins>", after))
    return mark_safe("".join(old_parts)), mark_safe("".join(new_parts))  # noqa: S308


def _is_text(model_field):
    return isinstance(model_field, models.CharField | models.TextField) and not (
        model_field.choices or isinstance(model_field, models.SlugField)
    )


BLOCK_END = re.compile(r"<(?:br\s*/?|/p|/li|/h[1-6]|/ul|/ol|/blockquote)\s*>", re.IGNORECASE)


def visible_text(html):
    """What a reader sees of rich text: the words, one line per paragraph or list item."""
    text = unescape(strip_tags(BLOCK_END.sub("\n", html or "")))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _display(model_field, value):
    """A value as editors read it."""
    if _empty(value):
        return ""
    if model_field.is_relation:
        return _related_name(model_field, value)
    if isinstance(model_field, RichTextField):
        return visible_text(value)
    if isinstance(value, bool) and not model_field.choices:
        return _("ja") if value else _("nein")
    labels = _choice_labels(model_field)
    if isinstance(value, list | tuple):
        return ", ".join(str(labels.get(item, item)) for item in value)
    if labels:
        return str(labels.get(value, value))
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, date | time):
        return date_format(value, "SHORT_DATE_FORMAT" if isinstance(value, date) else "TIME_FORMAT")
    if isinstance(value, Decimal | float):
        return number_format(value, use_l10n=True)
    if isinstance(value, FieldFile):
        return value.name.rsplit("/", 1)[-1]
    return str(value)


def _choice_labels(model_field):
    if model_field.choices:
        return dict(model_field.flatchoices)
    # A list kept in one column offers its choices only in its form field.
    choices = getattr(model_field.formfield(), "choices", None)
    return dict(choices) if choices else {}


def _related_name(model_field, pk):
    related = model_field.related_model._base_manager.filter(pk=pk).first()
    return str(related) if related is not None else _("gelöschter Eintrag")


def _related_names(model_field, pks):
    found = {
        obj.pk: str(obj) for obj in model_field.related_model._base_manager.filter(pk__in=pks or [])
    }
    return [found.get(pk, _("gelöschter Eintrag")) for pk in pks or []]


# Restoring -----------------------------------------------------------------------------


class RestoreError(Exception):
    """A stored state cannot come back; the message says why, in German."""


def restore(version, *, user, comment):
    """Bring back the object (and what it follows) as `version` stored it; one new revision."""
    states = stored_states(version)
    wanted = {state.key for state in states}
    with transaction.atomic(), revision(comment, user=user):
        objects = [_apply(state) for state in states]
        # What belongs to the object now but did not then goes, e.g. a step added since.
        for state in reversed(current_states(objects[0])):
            if state.key not in wanted:
                state.model._base_manager.filter(pk=state.pk).delete()
    return objects[0]


def _apply(state):
    model = state.model
    obj = model._base_manager.filter(pk=state.pk).first()
    creating = obj is None
    if creating:
        obj = model()
    exact = {}
    for model_field in model._meta.concrete_fields:
        name = model_field.attname
        if name not in state.values or getattr(model_field, "auto_now", False):
            continue
        if model_field.primary_key and not creating:
            continue
        if model_field.name in _keep.get(model, ()):
            continue
        value = _existing_target(model_field, state.values[name])
        setattr(obj, name, value)
        if not model_field.editable and not model_field.primary_key:
            exact[name] = value
    try:
        obj.validate_unique()
        obj.validate_constraints()
    except ValidationError as error:
        raise RestoreError(" ".join(error.messages)) from error
    obj.save(force_insert=creating)
    if exact:
        # Save signals may recompute bookkeeping (the translation status); the stored one
        # belongs to the stored texts.
        model._base_manager.filter(pk=obj.pk).update(**exact)
        for name, value in exact.items():
            setattr(obj, name, value)
    for model_field in _m2m_fields(model):
        if model_field.attname in state.values:
            pks = state.values[model_field.attname]
            related = model_field.related_model._base_manager.filter(pk__in=pks)
            getattr(obj, model_field.name).set(related)
    reversion.add_to_revision(obj)
    return obj


def _existing_target(model_field, value):
    if not model_field.is_relation or value is None:
        return value
    if model_field.related_model._base_manager.filter(pk=value).exists():
        return value
    if model_field.null:
        return None
    raise RestoreError(
        _("„%(field)s“ wurde inzwischen gelöscht. Stellen Sie es zuerst wieder her.")
        % {"field": capfirst(model_field.verbose_name)}
    )
