"""When readers may see a piece of content: published or draft, within an optional window.

Every public view, sitemap, feed and search asks `public()` of the QuerySet, so a draft
or an item outside its window is nowhere on the site. The window is read at request time:
nothing has to run at the moment an item goes live or expires.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
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


class PublishableQuerySet(models.QuerySet):
    def public(self, *, at=None):
        """What readers may see now: published and inside its window."""
        return self.filter(visible_q(at=at))

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
        help_text=_("Leer lassen, um sofort nach dem Veröffentlichen sichtbar zu sein."),
    )
    visible_until = models.DateTimeField(
        _("sichtbar bis"),
        null=True,
        blank=True,
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
