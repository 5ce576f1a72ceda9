"""When readers may see a piece of content: published or draft, within an optional window.

Every public view, sitemap, feed and search asks `public()` of the QuerySet, so a draft
or an item outside its window is nowhere on the site. The window is read at request time:
nothing has to run at the moment an item goes live or expires.
"""

import datetime

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

PUBLICATION_CHOICES = [(False, _("Entwurf")), (True, _("veröffentlicht"))]
SOON = datetime.timedelta(days=14)


def visible_q(prefix="", *, at=None):
    """Condition for rows readers may see at `at` (now by default); `prefix` follows a relation."""
    at = at or timezone.now()
    return (
        models.Q(**{f"{prefix}is_published": True})
        & (
            models.Q(**{f"{prefix}visible_from__isnull": True})
            | models.Q(**{f"{prefix}visible_from__lte": at})
        )
        & (
            models.Q(**{f"{prefix}visible_until__isnull": True})
            | models.Q(**{f"{prefix}visible_until__gt": at})
        )
    )


def preview_pk(request, model):
    """The primary key of the `model` object this request previews by a signed link, else None.

    Views pass it to `public(also=...)`, so a preview runs the same view, queries and
    templates as the published page and differs only in that one object.
    """
    previewed = getattr(request, "preview_object", None)
    return previewed.pk if isinstance(previewed, model) else None


class PublishableQuerySet(models.QuerySet):
    def public(self, *, at=None, also=None):
        """What readers may see now: published and inside its window (plus `also`, a preview)."""
        condition = visible_q(at=at)
        if also is not None:
            condition |= models.Q(pk=also)
        return self.filter(condition)

    def drafts(self):
        return self.filter(is_published=False)

    def going_live(self, *, at=None, within=SOON):
        """Published items whose window opens within the next `within`."""
        at = at or timezone.now()
        return self.filter(is_published=True, visible_from__gt=at, visible_from__lte=at + within)

    def expiring(self, *, at=None, within=SOON):
        """Published items whose window closes within the next `within`."""
        at = at or timezone.now()
        return self.filter(is_published=True, visible_until__gt=at, visible_until__lte=at + within)


def publication_field(*, default):
    """The draft/published switch; new notices and documents start as drafts."""
    return models.BooleanField(
        _("Veröffentlichung"),
        choices=PUBLICATION_CHOICES,
        default=default,
        help_text=_(
            "Ein Entwurf erscheint nirgends auf der Website. Mit dem Vorschau-Link "
            "können Sie ihn trotzdem zeigen, bevor Sie ihn veröffentlichen."
        ),
    )


class Publishable(models.Model):
    """Draft or published, visible from / until: for content readers see on its own."""

    is_published = publication_field(default=True)
    visible_from = models.DateTimeField(
        _("sichtbar ab"),
        null=True,
        blank=True,
        # Indexed: the page cache asks for the next moment any content appears or disappears
        # after every edit (core.pagecache.next_boundary), at any number of rows.
        db_index=True,
        help_text=_("Leer lassen, um sofort nach dem Veröffentlichen sichtbar zu sein."),
    )
    visible_until = models.DateTimeField(
        _("sichtbar bis"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leer lassen, um unbefristet sichtbar zu sein."),
    )

    class Meta:
        abstract = True

    def is_public(self, *, at=None):
        at = at or timezone.now()
        return (
            self.is_published
            and (self.visible_from is None or self.visible_from <= at)
            and (self.visible_until is None or self.visible_until > at)
        )

    def clean(self):
        super().clean()
        if self.visible_from and self.visible_until and self.visible_until <= self.visible_from:
            raise ValidationError(
                {"visible_until": _("„sichtbar bis“ muss nach „sichtbar ab“ liegen.")}
            )


class Reviewed(models.Model):
    """Content whose facts someone checks regularly; readers see the date as „Stand“."""

    last_checked = models.DateField(
        _("zuletzt geprüft"),
        null=True,
        blank=True,
        help_text=_(
            "Wann jemand zuletzt geprüft hat, ob alles noch stimmt. Erscheint auf der "
            "Seite als „Stand“. Nach einem Jahr erinnert die Startseite der Verwaltung daran."
        ),
    )

    class Meta:
        abstract = True


# --- Admin ----------------------------------------------------------------------------------

DRAFT, VISIBLE, SCHEDULED, EXPIRED = "entwurf", "sichtbar", "geplant", "abgelaufen"
VISIBILITY_LABELS = {
    DRAFT: _("Entwurf"),
    VISIBLE: _("sichtbar"),
    SCHEDULED: _("geplant"),
    EXPIRED: _("abgelaufen"),
}
PUBLICATION_FIELDS = ("is_published", "visible_from", "visible_until")


def visibility(obj, *, at=None):
    """One of DRAFT, VISIBLE, SCHEDULED, EXPIRED for a Publishable object at `at`."""
    at = at or timezone.now()
    if not obj.is_published:
        return DRAFT
    if obj.visible_from and obj.visible_from > at:
        return SCHEDULED
    if obj.visible_until and obj.visible_until <= at:
        return EXPIRED
    return VISIBLE


def _when(moment):
    return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def describe_visibility(obj, *, at=None):
    """ "geplant ab 01.12.2026 10:00", "sichtbar bis …": the state and its window, in German."""
    state = visibility(obj, at=at)
    parts = [str(VISIBILITY_LABELS[state])]
    if obj.visible_from and state in (DRAFT, SCHEDULED):
        parts.append(str(_("ab %(moment)s") % {"moment": _when(obj.visible_from)}))
    if obj.visible_until and state in (DRAFT, SCHEDULED, VISIBLE):
        parts.append(str(_("bis %(moment)s") % {"moment": _when(obj.visible_until)}))
    if state == EXPIRED:
        parts.append(str(_("seit %(moment)s") % {"moment": _when(obj.visible_until)}))
    return " ".join(parts)


class VisibilityFilter(admin.SimpleListFilter):
    """Entwurf / sichtbar / geplant / abgelaufen, the same in every app's list."""

    title = _("Sichtbarkeit")
    parameter_name = "sichtbarkeit"

    def lookups(self, request, model_admin):
        return list(VISIBILITY_LABELS.items())

    def queryset(self, request, queryset):
        now = timezone.now()
        value = self.value()
        if value == DRAFT:
            return queryset.filter(is_published=False)
        if value == VISIBLE:
            return queryset.filter(visible_q(at=now))
        if value == SCHEDULED:
            return queryset.filter(is_published=True, visible_from__gt=now)
        if value == EXPIRED:
            return queryset.filter(is_published=True, visible_until__lte=now)
        return queryset


class PublicationAdminMixin:
    """A „Veröffentlichung“ section with state, window and the preview link, and a list column.

    Put it before the admin's base class; add `"visibility"` to list_display and
    `VisibilityFilter` to list_filter.
    """

    publication_fieldset_title = _("Veröffentlichung")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Two clearly named states read better as radio buttons than as a drop-down.
        self.radio_fields = {**self.radio_fields, "is_published": admin.HORIZONTAL}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in ("visible_from", "visible_until") and formfield is not None:
            formfield.help_text = format_html(
                "{} {}",
                db_field.help_text,
                _("Datum und Uhrzeit in deutscher Zeit (Europe/Berlin)."),
            )
        return formfield

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None and obj.pk:
            from .preview import preview_link_field

            base = kwargs.get("form", self.form)
            kwargs["form"] = type(
                base.__name__, (base,), {"preview_link": preview_link_field(request, obj)}
            )
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        own = [*PUBLICATION_FIELDS, *(["preview_link"] if obj is not None and obj.pk else [])]
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            fields = [f for f in options.get("fields", ()) if f not in (*own, "preview_link")]
            if fields or str(name) == str(self.publication_fieldset_title):
                fieldsets.append((name, {**options, "fields": fields}))
        for index, (name, options) in enumerate(fieldsets):
            if str(name) == str(self.publication_fieldset_title):
                fieldsets[index] = (name, {**options, "fields": [*own, *options["fields"]]})
                return fieldsets
        fieldsets.insert(min(1, len(fieldsets)), (self.publication_fieldset_title, {"fields": own}))
        return fieldsets

    @admin.display(description=_("Sichtbarkeit"))
    def visibility(self, obj):
        return describe_visibility(obj)
