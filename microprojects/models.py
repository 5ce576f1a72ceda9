import calendar
import datetime
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.publication import Publishable, PublishableQuerySet, Reviewed
from core.richtext import RichTextField
from translations.models import TranslationTracked

LINES_HELP = _("Ein Eintrag pro Zeile, in der Reihenfolge, in der er auf der Seite stehen soll.")
UNCONFIRMED_HELP = _(
    "Leer lassen, solange es nicht bestätigt ist: Leser sehen dann nichts dazu, "
    "und „Was ansteht“ erinnert daran."
)

# What volunteers ask before applying; the office fills them in once they are confirmed.
VOLUNTEER_QUESTIONS = ("own_contribution", "eligible_costs", "project_period", "processing_time")


class FundingProgrammeQuerySet(PublishableQuerySet):
    def published(self, *, also=None):
        return self.public(also=also)


class FundingProgramme(Publishable, Reviewed, TranslationTracked):
    """A funding programme of the office, e.g. Mikroprojekte Integration."""

    class Status(models.TextChoices):
        OPEN = "open", _("Anträge möglich")
        PAUSED = "paused", _("ausgesetzt")
        CLOSED = "closed", _("beendet")

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(
        _("Kurzname"),
        max_length=80,
        unique=True,
        help_text=_("Kleinbuchstaben und Bindestriche, z. B. mikroprojekte-integration."),
    )
    summary = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        blank=True,
        help_text=_("Ein bis zwei Sätze unter der Überschrift, auch für Suchmaschinen."),
    )
    status = models.CharField(
        _("Status"),
        max_length=10,
        choices=Status.choices,
        default=Status.OPEN,
        help_text=_(
            "„ausgesetzt“ oder „beendet“ ersetzt den Countdown zum Stichtag durch einen Hinweis."
        ),
    )
    scheduled_status = models.CharField(
        _("geplanter Status"),
        max_length=10,
        choices=Status.choices,
        blank=True,
        help_text=_(
            "Optional: Der Status, den das Programm ab dem geplanten Zeitpunkt hat, "
            "z. B. „Anträge möglich“ ab dem 1. Januar."
        ),
    )
    scheduled_status_from = models.DateTimeField(
        _("geplanter Status gilt ab"),
        null=True,
        blank=True,
        db_index=True,
    )
    status_notice_status = models.CharField(
        _("Statushinweis gilt für"),
        max_length=10,
        choices=Status.choices,
        blank=True,
        help_text=_(
            "Der Statushinweis erscheint nur, solange das Programm diesen Status hat. "
            "So bleibt „Derzeit keine Mittel verfügbar“ nicht stehen, wenn wieder "
            "Anträge möglich sind."
        ),
    )
    status_title = models.CharField(
        _("Überschrift des Statushinweises"),
        max_length=200,
        blank=True,
        help_text=_(
            "Erscheint als Banner über der Überschrift, z. B. „Derzeit keine Mittel "
            "verfügbar“. Leer lassen, wenn es nichts Besonderes zu melden gibt."
        ),
    )
    status_text = RichTextField(
        _("Text des Statushinweises"),
        blank=True,
        help_text=_("Was gilt und was Antragstellende jetzt tun können."),
    )
    status_date = models.DateField(
        _("Datum des Statushinweises"),
        null=True,
        blank=True,
        help_text=_("Wird im Banner angezeigt, damit Leser sehen, wie aktuell der Hinweis ist."),
    )

    eligible_applicants = models.TextField(
        _("Wer einen Antrag stellen kann"),
        blank=True,
        help_text=LINES_HELP,
    )
    funded_areas = models.TextField(_("Was gefördert wird"), blank=True, help_text=LINES_HELP)
    example_projects = models.TextField(
        _("Beispiele für Projekte"),
        blank=True,
        help_text=LINES_HELP,
    )
    max_amount_per_project = models.DecimalField(
        _("Höchstbetrag je Projekt (Euro)"),
        max_digits=10,
        decimal_places=2,
    )
    max_amount_per_language_course = models.DecimalField(
        _("Höchstbetrag je Sprachkurs (Euro)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leer lassen, wenn für Sprachkurse kein eigener Höchstbetrag gilt."),
    )
    # Volunteers ask about these; while a field is empty readers see nothing and the
    # admin's „Was ansteht“ lists it as still to be confirmed by the office.
    own_contribution = models.CharField(
        _("Eigenanteil"),
        max_length=300,
        blank=True,
        help_text=format_lazy(
            "{} {}",
            _("Ob und wie viel Antragstellende selbst beitragen."),
            UNCONFIRMED_HELP,
        ),
    )
    eligible_costs = models.TextField(
        _("Förderfähige Kosten"),
        blank=True,
        help_text=format_lazy("{} {}", LINES_HELP, UNCONFIRMED_HELP),
    )
    project_period = models.CharField(
        _("Projektzeitraum"),
        max_length=300,
        blank=True,
        help_text=format_lazy(
            "{} {}", _("Wann das Projekt beginnen und enden muss."), UNCONFIRMED_HELP
        ),
    )
    processing_time = models.CharField(
        _("Bearbeitungszeit"),
        max_length=300,
        blank=True,
        help_text=format_lazy(
            "{} {}", _("Wie lange die Prüfung eines Antrags etwa dauert."), UNCONFIRMED_HELP
        ),
    )
    deadline_day = models.PositiveSmallIntegerField(
        _("Stichtag: Tag"),
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Der Stichtag gilt jedes Jahr; die Website rechnet den nächsten aus."),
    )
    deadline_month = models.PositiveSmallIntegerField(
        _("Stichtag: Monat"),
        choices=list(MONTHS.items()),
    )
    submission_email = models.EmailField(
        _("E-Mail-Adresse für Anträge"),
        help_text=_(
            "Bitte genau prüfen: An diese Adresse schicken Antragstellende ihre Unterlagen."
        ),
    )
    submission_subject = models.CharField(
        _("Betreff der Antrags-E-Mail"),
        max_length=120,
        blank=True,
        help_text=_(
            "Wird in die E-Mail eingesetzt, wenn jemand auf die Adresse klickt, "
            "z. B. „Antrag Mikroprojekt“. Bleibt auf Deutsch, weil das Team ihn liest."
        ),
    )
    contact_persons = models.ManyToManyField(
        "contacts.Person",
        blank=True,
        related_name="funding_programmes",
        verbose_name=_("Ansprechpersonen"),
        help_text=_("Wer zum Programm berät. Nur veröffentlichte Personen erscheinen."),
    )
    legal_basis = RichTextField(_("Rechtsgrundlage"), blank=True)
    co_financing_note = RichTextField(
        _("Hinweis zur Finanzierung"),
        blank=True,
        help_text=_("Woher das Geld kommt und wie geförderte Projekte darauf hinweisen."),
    )

    objects = FundingProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("Förderprogramm")
        verbose_name_plural = _("Förderprogramme")
        ordering = ["pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("microprojects:index")

    def clean(self):
        super().clean()
        if bool(self.scheduled_status) != bool(self.scheduled_status_from):
            field = "scheduled_status_from" if self.scheduled_status else "scheduled_status"
            raise ValidationError(
                {field: _("Für einen geplanten Status braucht es Status und Zeitpunkt.")}
            )
        # A leap year, so that 29 February is accepted; other years fall back to the 28th.
        if (
            self.deadline_day
            and self.deadline_month
            and self.deadline_day > calendar.monthrange(2024, self.deadline_month)[1]
        ):
            raise ValidationError(
                {"deadline_day": _("Diesen Tag gibt es im gewählten Monat nicht.")}
            )

    def status_at(self, at=None):
        """The status readers see at `at`: the planned one once its time has come."""
        at = at or timezone.now()
        planned_from = self.scheduled_status_from
        if self.scheduled_status and planned_from and planned_from <= at:
            return self.scheduled_status
        return self.status

    @cached_property
    def current_status(self):
        return self.status_at()

    def get_current_status_display(self):
        return self.Status(self.current_status).label

    @property
    def is_open(self):
        return self.current_status == self.Status.OPEN

    @property
    def is_closed(self):
        return self.current_status == self.Status.CLOSED

    @property
    def shows_status_notice_text(self):
        """The editor's status notice, unless it was written for another status."""
        return bool(self.status_title) and self.status_notice_status in ("", self.current_status)

    @property
    def has_status_notice(self):
        """A paused or closed programme always says so; an open one only with a notice."""
        return self.shows_status_notice_text or not self.is_open

    def unconfirmed_facts(self):
        """The volunteers' questions the German page cannot answer yet, by field label."""
        return [
            self._meta.get_field(name).verbose_name
            for name in VOLUNTEER_QUESTIONS
            if not getattr(self, f"{name}_de")
        ]

    @property
    def submission_mailto(self):
        subject = self.submission_subject or self.title_de or self.title
        return f"mailto:{self.submission_email}?subject={quote(subject)}"

    def deadline_in(self, year):
        """The deadline date in a given year; 29 February becomes the 28th in common years."""
        last_day = calendar.monthrange(year, self.deadline_month)[1]
        return datetime.date(year, self.deadline_month, min(self.deadline_day, last_day))

    def next_deadline(self, today=None):
        """The next deadline on or after today: on the day itself it is still today's."""
        today = today or timezone.localdate()
        deadline = self.deadline_in(today.year)
        return deadline if deadline >= today else self.deadline_in(today.year + 1)


class Step(TranslationTracked):
    """One step of a programme's process, e.g. the request of funds."""

    programme = models.ForeignKey(
        FundingProgramme,
        on_delete=models.CASCADE,
        related_name="steps",
        verbose_name=_("Förderprogramm"),
    )
    order = models.PositiveSmallIntegerField(
        _("Reihenfolge"),
        default=0,
        help_text=_("Kleinere Zahlen stehen weiter oben."),
    )
    title = models.CharField(_("Überschrift"), max_length=200)
    explanation = RichTextField(
        _("Erklärung"),
        blank=True,
        help_text=_("Was in diesem Schritt passiert und was Antragstellende tun."),
    )
    links_to_finder = models.BooleanField(
        _("Link „Wer berät mich?“ zeigen"),
        default=False,
        help_text=_(
            "Zeigt in diesem Schritt einen Link zum Zuständigkeitsfinder, "
            "z. B. beim Schritt „Beraten lassen“."
        ),
    )
    documents = models.ManyToManyField(
        "documents.Document",
        through="StepDocument",
        blank=True,
        related_name="+",
        verbose_name=_("Formulare"),
    )

    class Meta:
        verbose_name = _("Schritt")
        verbose_name_plural = _("Schritte")
        ordering = ["programme", "order", "pk"]

    def __str__(self):
        return self.title


class StepDocument(models.Model):
    """A form needed at a step, in the order the step lists them."""

    step = models.ForeignKey(
        Step, on_delete=models.CASCADE, related_name="step_documents", verbose_name=_("Schritt")
    )
    # Deleting a form elsewhere leaves an empty entry here, so the admin can warn about it.
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="microproject_steps",
        verbose_name=_("Formular"),
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Formular eines Schritts")
        verbose_name_plural = _("Formulare der Schritte")
        ordering = ["step", "order", "pk"]

    def __str__(self):
        return f"{self.step}: {self.document or _('fehlt')}"


class FundedProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class FundedProject(TranslationTracked):
    """A project that received a grant, listed for transparency."""

    class Category(models.TextChoices):
        LANGUAGE_COURSE = "language_course", _("Sprachkurs")
        LANGUAGE_MEDIATION = "language_mediation", _("Sprachmittlung")
        ENCOUNTER = "encounter", _("Begegnung")
        CULTURE_MEDIATION = "culture_mediation", _("Kulturvermittlung")
        FAMILY_SPONSORSHIP = "family_sponsorship", _("Familienpatenschaft")
        EXCURSION = "excursion", _("Ausflug")
        FESTIVAL = "festival", _("Fest")
        OTHER = "other", _("Sonstiges")

    year = models.PositiveSmallIntegerField(
        _("Förderjahr"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    title = models.CharField(_("Projekttitel"), max_length=200)
    organisation = models.CharField(
        _("Träger"),
        max_length=200,
        help_text=_("Verein, Initiative oder Person, die die Förderung erhalten hat."),
    )
    municipality = models.ForeignKey(
        "contacts.Municipality",
        on_delete=models.PROTECT,
        related_name="funded_projects",
        verbose_name=_("Stadt oder Gemeinde"),
    )
    category = models.CharField(_("Bereich"), max_length=30, choices=Category.choices)
    amount = models.DecimalField(
        _("Bewilligter Betrag (Euro)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    description = models.TextField(
        _("Kurzbeschreibung"),
        blank=True,
        help_text=_("Ein bis zwei Sätze zum Projekt."),
    )
    is_published = models.BooleanField(
        _("veröffentlicht"),
        default=True,
        help_text=_("Nur veröffentlichte Projekte erscheinen in der Übersicht und im Export."),
    )

    objects = FundedProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("Gefördertes Projekt")
        verbose_name_plural = _("Geförderte Projekte")
        ordering = ["-year", "municipality__name", "organisation", "pk"]
        indexes = [models.Index(fields=["year", "category"])]

    def __str__(self):
        return f"{self.title} ({self.year})"
