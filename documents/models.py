import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.languages import SOURCE_LANGUAGE, language_codes
from core.publication import Publishable, PublishableQuerySet, publication_field
from core.richtext import RichTextField
from core.text import filename_part
from translations.models import TranslationTracked

from .filetypes import FILE_TYPES


class Category(TranslationTracked):
    """A group of documents on the Dokumente page, e.g. "Integrationskonzept"."""

    title = models.CharField(_("Bezeichnung"), max_length=120)
    slug = models.SlugField(
        _("Kurzname für Adressen"),
        max_length=80,
        unique=True,
        help_text=_(
            "Erscheint im Filter der Dokumente-Seite in der Adresse. "
            "Nur Kleinbuchstaben, Ziffern und Bindestriche."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("Reihenfolge"),
        default=0,
        help_text=_("Kleinere Zahlen stehen weiter oben."),
    )

    class Meta:
        verbose_name = _("Kategorie")
        verbose_name_plural = _("Kategorien")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


# Addresses under /dokumente/ that are not documents.
RESERVED_SLUGS = frozenset({"feed"})


class DocumentQuerySet(PublishableQuerySet):
    def published(self, *, also=None):
        """Documents readers may see now: published, inside their window, with a file.

        `also` is the primary key of a draft shown by a preview link.
        """
        return self.public(also=also).filter(current_version__isnull=False)


class Document(Publishable, TranslationTracked):
    """A report or form that readers download; its file lives in versions."""

    title = models.CharField(
        _("Titel"),
        max_length=200,
        help_text=_("Wird als Link-Text verwendet, z. B. „Integrationskonzept Teil 1“."),
    )
    description = RichTextField(
        _("Beschreibung"),
        blank=True,
        help_text=_("Worum es in dem Dokument geht und für wen es gedacht ist."),
    )
    slug = models.SlugField(
        _("Kurzname für Adressen"),
        max_length=100,
        unique=True,
        help_text=_(
            "Teil der dauerhaften Download-Adresse /dokumente/[Kurzname]/download/. "
            "Kann nach dem Anlegen nicht mehr geändert werden, damit Links "
            "nicht brechen."
        ),
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("Kategorie"),
    )
    year = models.PositiveSmallIntegerField(
        _("Jahr"),
        null=True,
        blank=True,
        help_text=_("Jahr der Veröffentlichung. Leer lassen, wenn es nicht bekannt ist."),
    )
    published_on = models.DateField(
        _("Erscheinungsdatum"),
        null=True,
        blank=True,
        help_text=_("Genaues Datum, falls bekannt. Das Jahr wird dann daraus übernommen."),
    )
    # A new document is a draft until its file and texts are checked.
    is_published = publication_field(default=False)
    show_earlier_versions = models.BooleanField(
        _("frühere Fassungen zeigen"),
        default=False,
        help_text=_(
            "Zeigt auf der Seite des Dokuments auch ältere Fassungen zum Herunterladen, "
            "z. B. bei Berichten. Bei Formularen meist nicht sinnvoll."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("Reihenfolge"),
        default=0,
        help_text=_("Reihenfolge innerhalb der Kategorie; kleinere Zahlen stehen weiter oben."),
    )
    current_version = models.ForeignKey(
        "DocumentVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        # Moved only by the services, which also date the change for Last-Modified.
        editable=False,
        verbose_name=_("aktuelle Fassung"),
        help_text=_(
            "Diese Fassung wird unter der dauerhaften Adresse ausgeliefert. "
            "Wählen Sie eine ältere, um zu ihr zurückzukehren."
        ),
    )
    current_since = models.DateTimeField(
        _("aktuelle Fassung gilt seit"),
        null=True,
        blank=True,
        editable=False,
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        ordering = ["order", "-year", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"slug": self.slug})

    def get_download_url(self):
        return reverse("documents:download", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _(
                        "Diesen Kurznamen braucht die Website selbst. "
                        "Bitte wählen Sie einen anderen."
                    )
                }
            )
        if self.published_on and self.year is None:
            self.year = self.published_on.year
        if self.published_on and self.year != self.published_on.year:
            raise ValidationError({"year": _("Das Jahr passt nicht zum Erscheinungsdatum.")})


class DocumentVersion(models.Model):
    """One upload of a document: the files as they were at that moment, never changed."""

    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("Dokument"),
    )
    number = models.PositiveIntegerField(_("Fassung"))
    created_at = models.DateTimeField(_("hochgeladen am"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hochgeladen von"),
    )
    note = models.CharField(
        _("Anmerkung"),
        max_length=200,
        blank=True,
        help_text=_("Was sich geändert hat, z. B. „Formular für 2023“."),
    )

    class Meta:
        verbose_name = _("Fassung")
        verbose_name_plural = _("Fassungen")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_version_number"),
        ]

    def __str__(self):
        return _("Fassung %(number)s") % {"number": self.number}

    def get_download_url(self):
        return reverse(
            "documents:version_download", kwargs={"slug": self.document.slug, "number": self.number}
        )


def file_for_language(files, language):
    """The file a reader of `language` gets: their own, else German, else the first one."""
    by_language = {f.language: f for f in files}
    if language in by_language:
        return by_language[language]
    if SOURCE_LANGUAGE in by_language:
        return by_language[SOURCE_LANGUAGE]
    order = language_codes()
    return min(files, key=lambda f: order.index(f.language), default=None)


def _storage_name(instance, filename):
    # Never derived from the uploaded name: no path or character of it reaches the disk.
    return f"documents/files/{uuid.uuid4().hex}.{instance.extension}"


class DocumentFile(models.Model):
    """The file of a version in one language, with what the upload check found out."""

    # The kinds are the file types the office may publish (documents/filetypes.py).
    Kind = models.TextChoices(
        "Kind", [(kind.upper(), (kind, t.label)) for kind, t in FILE_TYPES.items()]
    )

    version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.CASCADE,
        related_name="files",
        verbose_name=_("Fassung"),
    )
    language = models.CharField(
        _("Sprache der Datei"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=SOURCE_LANGUAGE,
    )
    file = models.FileField(_("Datei"), upload_to=_storage_name, max_length=200)
    original_name = models.CharField(
        _("ursprünglicher Dateiname"),
        max_length=255,
        help_text=_("Nur für die Redaktion. Lesende erhalten einen Namen aus Titel und Sprache."),
    )
    kind = models.CharField(_("Dateityp"), max_length=8, choices=Kind.choices)
    content_type = models.CharField(_("MIME-Typ"), max_length=120)
    size = models.PositiveBigIntegerField(_("Größe in Bytes"))
    page_count = models.PositiveIntegerField(_("Seitenzahl"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256-Prüfsumme"), max_length=64, db_index=True)
    text = models.TextField(
        _("enthaltener Text"),
        blank=True,
        help_text=_("Aus der PDF-Datei gelesen; dient der Suche."),
    )
    is_placeholder = models.BooleanField(
        _("Platzhalter (Beispieldatei)"),
        default=False,
        help_text=_(
            "Eingeschaltet bei den Beispieldateien der Demo. Die Website kennzeichnet sie als "
            "Beispiel. Eine hochgeladene Datei ist nie ein Platzhalter."
        ),
    )
    preview = models.FileField(
        _("Vorschaubild"),
        upload_to="documents/previews/",
        max_length=200,
        blank=True,
        editable=False,
    )
    # Remembered so that no reader's request tries again what failed at the upload.
    has_no_preview = models.BooleanField(
        _("ohne Vorschaubild"),
        default=False,
        editable=False,
        help_text=_("Die erste Seite ließ sich nicht in den festen Grenzen als Bild zeigen."),
    )
    created_at = models.DateTimeField(_("hochgeladen am"))

    class Meta:
        verbose_name = _("Datei")
        verbose_name_plural = _("Dateien")
        ordering = ["version", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "language"], name="one_file_per_language_and_version"
            ),
        ]

    def __str__(self):
        return self.original_name

    @property
    def extension(self):
        return self.kind

    def download_name(self, document, *, version_number=None):
        """What readers save the file as: from the German title, never the uploaded name.

        The uploaded name is the editor's ("Antrag_Kaiser-final-NEU.docx"); readers get
        "Antrag-Mikroprojekt-2026-de.docx", an earlier version "…-Fassung-2-de.docx".
        """
        parts = [filename_part(document.title_de) or document.slug]
        if version_number is not None:
            # German like the title, whatever the reader's language: the name is ASCII anyway.
            parts.append(f"Fassung-{version_number}")
        parts.append(self.language)
        return f"{'-'.join(parts)}.{self.extension}"
