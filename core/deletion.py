"""Refusing to delete what other content refers to, with the references as German links.

Django's own page for protected objects speaks of "deleting protected related objects",
lists rows as "object (3)" and knows only `on_delete=PROTECT`. Here each admin names the
relations that keep its objects alive (a person who is a programme's contact, a town with
people); relations declared `PROTECT` count as well. The single delete and the bulk action
both go through `get_deleted_objects`, so both refuse, and neither ever deletes a
referenced object.
"""

from dataclasses import dataclass

from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst

MAX_LISTED = 50
# How far the link may climb from a row without an admin page to one that has one,
# e.g. a step's form → the step → the programme.
MAX_OWNER_DEPTH = 3


@dataclass(frozen=True)
class Reference:
    """Objects of one kind that refer to the object to be deleted."""

    label: str
    objects: list


def _relation_objects(obj, name):
    field = obj._meta.get_field(name)
    if field.auto_created:  # the reverse side of another model's key
        label = field.related_model._meta.verbose_name_plural
        related = getattr(obj, field.get_accessor_name(), None)
    else:
        label, related = field.verbose_name, getattr(obj, field.name)
    if related is None:
        return str(label), []
    if isinstance(related, models.Model):
        return str(label), [related]
    return str(label), list(related.all()[:MAX_LISTED])


def protected_relations(model):
    """Names of the relations whose rows the database would refuse to leave orphaned."""
    return [
        relation.name
        for relation in model._meta.related_objects
        if not relation.hidden and relation.on_delete in (models.PROTECT, models.RESTRICT)
    ]


def references_to(obj, relations):
    """What refers to `obj` through the named relations and those declared PROTECT."""
    names = dict.fromkeys([*relations, *protected_relations(type(obj))])
    references = []
    for name in names:
        label, objects = _relation_objects(obj, name)
        if objects:
            references.append(Reference(label=capfirst(label), objects=objects))
    return references


def _change_url(obj, site_name):
    opts = obj._meta
    try:
        return reverse(f"{site_name}:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return None


def _owner(obj, *, site_name, exclude, depth=0):
    """The nearest object with an admin page that `obj` belongs to, and its URL."""
    if depth >= MAX_OWNER_DEPTH:
        return None, None
    for field in obj._meta.fields:
        if not field.many_to_one:
            continue
        parent = getattr(obj, field.name)
        if parent is None or parent == exclude:
            continue
        url = _change_url(parent, site_name)
        if url:
            return parent, url
        found = _owner(parent, site_name=site_name, exclude=exclude, depth=depth + 1)
        if found[0] is not None:
            return found
    return None, None


def reference_link(obj, *, site_name="admin", exclude=None):
    """ "Förderprogramm: <a>Mikroprojekte</a>", or via its owner for a row without a page."""
    verbose_name = capfirst(obj._meta.verbose_name)
    url = _change_url(obj, site_name)
    if url:
        return format_html('{}: <a href="{}">{}</a>', verbose_name, url, obj)
    owner, owner_url = _owner(obj, site_name=site_name, exclude=exclude)
    if owner is None:
        return format_html("{}: {}", verbose_name, obj)
    return format_html(
        '{}: <a href="{}">{}</a> – {}: {}',
        capfirst(owner._meta.verbose_name),
        owner_url,
        owner,
        verbose_name,
        obj,
    )


class ReferencedDeleteMixin:
    """Model admin that refuses to delete referenced objects and lists the references.

    `delete_blockers` names relations (reverse accessors or many-to-many fields) whose
    objects keep an object from being deleted; `delete_advice` tells editors what to do
    instead, e.g. set it to draft.
    """

    delete_blockers = ()
    delete_advice = ""
    delete_confirmation_template = "admin/guarded_delete_confirmation.html"
    delete_selected_confirmation_template = "admin/guarded_delete_selected_confirmation.html"

    def delete_references(self, obj):
        return references_to(obj, self.delete_blockers)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        refused = []
        for obj in objs:
            links = [
                reference_link(other, site_name=self.admin_site.name, exclude=obj)
                for reference in self.delete_references(obj)
                for other in reference.objects
            ]
            if links:
                refused += [format_html("„{}“", obj), links]
        # Django's own list is the fallback for protection this admin does not know about.
        return deleted, counts, perms_needed, refused or protected

    def delete_view(self, request, object_id, extra_context=None):
        extra_context = {"delete_advice": self.delete_advice, **(extra_context or {})}
        return super().delete_view(request, object_id, extra_context)
