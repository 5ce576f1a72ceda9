from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.publication import (
    Publishable,
    PublishableQuerySet,
    Reviewed,
    publication_field,
    visible_q,
)
from core.richtext import RichTextField
from translations.models import TranslationTracked

from .validators import validate_video, validate_webvtt


class PageQuerySet(PublishableQuerySet):
    def public(self, *, at=None, also=None):
        """Pages readers may see; the start page and the legal pages always count as public."""
        condition = visible_q(at=at) | models.Q(key__in=Page.ALWAYS_PUBLIC)
        if also is not None:
            condition |= models.Q(pk=also)
        return self.filter(condition)


class Page(Publishable, Reviewed, TranslationTracked):
    """One of the site's fixed pages: start page, office page and the legal pages."""

    class Key(models.TextChoices):
        HOME = "start", _("Startseite")
        OFFICE = "koordinierungsstelle", _("Koordinierungsstelle")
        IMPRINT = "impressum", _("Impressum")
        PRIVACY = "datenschutz", _("Datenschutzerklärung")
        ACCESSIBILITY = "barrierefreiheit", _("Erklärung zur Barrierefreiheit")
        EASY_LANGUAGE = "leichte-sprache", _("Leichte Sprache")
        SIGN_LANGUAGE = "gebaerdensprache", _("Gebärdensprache")

    key = models.CharField(
        _("Seite"),
        max_length=40,
        choices=Key.choices,
        unique=True,
        help_text=_("Welche Seite der Website dieser Text füllt."),
    )
    title = models.CharField(_("Überschrift"), max_length=200)
    summary = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        blank=True,
        help_text=_("Ein bis zwei Sätze. Erscheint unter der Überschrift und in Suchmaschinen."),
    )
    body = RichTextField(
        _("Text"),
        blank=True,
        help_text=_(
            "Zwischenüberschriften, Listen und Links sind erlaubt. "
            "Unsichere Inhalte werden beim Speichern entfernt."
        ),
    )
    open_facts = models.TextField(
        _("Noch zu bestätigen"),
        blank=True,
        help_text=_(
            "Nur für die Redaktion, nie auf der Website: Angaben, die die Koordinierungsstelle "
            "noch bestätigen oder liefern muss, eine pro Zeile. Der Text nennt sie erst, wenn "
            "sie bestätigt sind. Erscheint unter „Was ansteht“, bis das Feld leer ist."
        ),
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = PageQuerySet.as_manager()

    # The law requires these pages at all times, and every page links to them.
    ALWAYS_PUBLIC = (Key.HOME, Key.IMPRINT, Key.PRIVACY, Key.ACCESSIBILITY)
    # Binding only in German; their translations say so.
    LEGAL = (Key.IMPRINT, Key.PRIVACY, Key.ACCESSIBILITY)

    class Meta:
        # The table keeps the name it had when the project package held these models.
        db_table = "integration_site_page"
        verbose_name = _("Seite")
        verbose_name_plural = _("Seiten")
        ordering = ["key"]

    def __str__(self):
        return self.get_key_display()

    def clean(self):
        super().clean()
        if self.key in self.ALWAYS_PUBLIC and (
            not self.is_published or self.visible_from or self.visible_until
        ):
            raise ValidationError(
                {
                    "is_published": _(
                        "Die Startseite, das Impressum, die Datenschutzerklärung und die "
                        "Erklärung zur Barrierefreiheit müssen immer sichtbar sein. Sie "
                        "können kein Entwurf sein und keinen Zeitraum haben. Ändern Sie den "
                        "Text direkt."
                    )
                }
            )

    @property
    def open_fact_list(self):
        return [line.strip() for line in self.open_facts.splitlines() if line.strip()]

    def get_absolute_url(self):
        if self.key == self.Key.HOME:
            return reverse("home")
        if self.key == self.Key.OFFICE:
            return reverse("office")
        return reverse("page", kwargs={"key": self.key})


class Video(TranslationTracked):
    """A self-hosted video on a page, e.g. the start page in German Sign Language."""

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="videos", verbose_name=_("Seite")
    )
    title = models.CharField(_("Titel"), max_length=200)
    file = models.FileField(
        _("Videodatei (MP4 oder WebM)"), upload_to="videos/", validators=[validate_video]
    )
    captions = models.FileField(
        _("Untertitel (WebVTT)"),
        upload_to="videos/",
        blank=True,
        validators=[validate_webvtt],
        help_text=_("Untertitel machen das Video auch ohne Ton verständlich."),
    )
    duration = models.DurationField(_("Länge"), help_text=_("Zum Beispiel 00:03:20."))
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        # The table keeps the name it had when the project package held these models.
        db_table = "integration_site_video"
        verbose_name = _("Video")
        verbose_name_plural = _("Videos")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    @cached_property
    def file_size(self):
        """The video's size in bytes, or None when its file is missing from the storage."""
        try:
            return self.file.size
        except (OSError, ValueError):
            return None

    @property
    def duration_display(self):
        """The length as m:ss or h:mm:ss, as video players show it."""
        total = int(self.duration.total_seconds())
        hours, rest = divmod(total, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"


class Notice(Publishable, TranslationTracked):
    """A dated announcement on the start page, e.g. the Integreat app."""

    title = models.CharField(_("Überschrift"), max_length=200)
    text = RichTextField(_("Text"), blank=True)
    link_url = models.URLField(_("Link-Adresse"), blank=True)
    link_text = models.CharField(
        _("Link-Text"),
        max_length=120,
        blank=True,
        help_text=_("Sagt, wohin der Link führt, z. B. „Zur Integreat-App“. Nicht „hier klicken“."),
    )
    published_on = models.DateField(
        _("Datum"),
        default=timezone.localdate,
        help_text=_("Steht über dem Hinweis. Ab wann er erscheint, bestimmt „sichtbar ab“."),
    )
    # A new notice is a draft until an editor publishes it.
    is_published = publication_field(default=False)
    is_highlighted = models.BooleanField(
        _("als Banner hervorheben"),
        default=False,
        help_text=_(
            "Nur ein Hinweis wird als Banner über der Überschrift gezeigt: "
            "der oberste hervorgehobene."
        ),
    )
    is_example = models.BooleanField(
        _("enthält Beispielangaben"),
        default=False,
        help_text=_(
            "Eingeschaltet, solange Datum oder Text nur ein Beispiel sind. Die Website weist "
            "dann darauf hin. Ausschalten, sobald die Angaben stimmen."
        ),
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        # The table keeps the name it had when the project package held these models.
        db_table = "integration_site_notice"
        verbose_name = _("Hinweis")
        verbose_name_plural = _("Hinweise")
        ordering = ["order", "-published_on", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """Notices appear on the start page; this is where a preview shows one."""
        return reverse("home")

    def clean(self):
        super().clean()
        # Without words the link would be empty: unreadable and unannounced by screen readers.
        if self.link_url and not self.link_text_de:
            raise ValidationError({"link_text_de": forms.Field.default_error_messages["required"]})
