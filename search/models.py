"""The search index: one row per piece of content and language, kept current on save.

Rows copy the publication window of their content, so a search filters drafts, scheduled
and expired items with the same rule as every other page (core.publication.visible_q).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.publication import visible_q


class Kind(models.TextChoices):
    """What a result is; the order is the order of the groups when they rank equally."""

    PERSON = "person", _("Ansprechpersonen")
    TEAM = "team", _("Teams und Dienststellen")
    DOCUMENT = "document", _("Dokumente")
    PROGRAMME = "programme", _("Förderprogramm")
    PROJECT = "project", _("Geförderte Projekte")
    NOTICE = "notice", _("Hinweise")
    PAGE = "page", _("Seiten")


class SearchEntryQuerySet(models.QuerySet):
    def public(self, *, at=None):
        return self.filter(visible_q(at=at))


class SearchEntry(models.Model):
    kind = models.CharField(_("Art"), max_length=12, choices=Kind.choices)
    # The model's own key: several models may feed one kind (teams and offices).
    source = models.CharField(_("Quelle"), max_length=40)
    object_id = models.PositiveIntegerField(_("Objekt-Nr."))
    language = models.CharField(_("Sprache"), max_length=8)
    title = models.CharField(_("Titel"), max_length=300)
    body = models.TextField(_("Text"), blank=True)
    # The address without the language prefix, e.g. "ansprechpersonen/anna-richter/".
    path = models.CharField(_("Adresse"), max_length=300)
    # Folded (see search.text.fold): what the embedded database matches words against.
    folded_title = models.CharField(_("Titel für die Suche"), max_length=300)
    folded = models.TextField(_("Text für die Suche"))
    # Filled on PostgreSQL only, with the language's text-search configuration.
    vector = SearchVectorField(_("Suchvektor"), null=True, editable=False)
    is_published = models.BooleanField(_("veröffentlicht"), default=True)
    visible_from = models.DateTimeField(_("sichtbar ab"), null=True, blank=True)
    visible_until = models.DateTimeField(_("sichtbar bis"), null=True, blank=True)

    objects = SearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("Sucheintrag")
        verbose_name_plural = _("Sucheinträge")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id", "language"], name="one_entry_per_language"
            )
        ]
        indexes = [models.Index(fields=["language", "kind"])]

    def __str__(self):
        return self.title


class MissedQuery(models.Model):
    """A query that found nothing, counted per language and day; no reader is recorded."""

    language = models.CharField(_("Sprache"), max_length=8)
    query = models.CharField(_("Suchbegriff"), max_length=200)
    day = models.DateField(_("Tag"))
    count = models.PositiveIntegerField(_("Anzahl"), default=0)

    class Meta:
        verbose_name = _("Gesucht und nicht gefunden")
        verbose_name_plural = _("Gesucht und nicht gefunden")
        ordering = ["-day", "-count", "query"]
        constraints = [
            models.UniqueConstraint(
                fields=["language", "query", "day"], name="one_count_per_query_and_day"
            )
        ]

    def __str__(self):
        return self.query
