"""An application for a Mikroprojekt, written online by the applicant and handled by the office.

The applicant has no account: a secret link reopens the draft. Only a hash of its token is
stored, so a copy of the database opens no draft.
"""

import calendar
import hashlib
import secrets
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_BYTES = 32
MAX_AMOUNT = Decimal("99999999.99")


def months_before(moment, months):
    """The same day `months` earlier; the 31st becomes the month's last day."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return moment.replace(year=year, month=month + 1, day=min(moment.day, last_day))


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class ApplicationQuerySet(models.QuerySet):
    def drafts(self):
        return self.filter(status=Application.Status.DRAFT)

    def submitted(self):
        return self.exclude(status=Application.Status.DRAFT)

    def expired_drafts(self, *, now=None):
        """Drafts untouched for longer than APPLICATION_DRAFT_DAYS."""
        now = now or timezone.now()
        return self.drafts().filter(updated_at__lt=now - settings.APPLICATION_DRAFT_AGE)

    def past_retention(self, *, now=None):
        """Closed or rejected applications whose personal data the office keeps no longer."""
        limit = months_before(now or timezone.now(), settings.APPLICATION_RETENTION_MONTHS)
        return self.filter(status__in=Application.FINAL, closed_at__lt=limit)

    def by_token(self, token):
        return self.get(token_hash=hash_token(token))


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Entwurf")
        RECEIVED = "received", _("eingegangen")
        PRE_CHECK = "pre_check", _("in Vorprüfung")
        CHANGES_REQUESTED = "changes_requested", _("Änderungen erbeten")
        APPROVED = "approved", _("bewilligt")
        REJECTED = "rejected", _("abgelehnt")
        FUNDS_REQUESTED = "funds_requested", _("Mittel abgefordert")
        PROOF_RECEIVED = "proof_received", _("Verwendungsnachweis eingegangen")
        CLOSED = "closed", _("abgeschlossen")

    # Which status may follow which: the office's process, in order.
    TRANSITIONS = {
        Status.DRAFT: (),
        Status.RECEIVED: (Status.PRE_CHECK, Status.REJECTED),
        Status.PRE_CHECK: (Status.CHANGES_REQUESTED, Status.APPROVED, Status.REJECTED),
        Status.CHANGES_REQUESTED: (Status.PRE_CHECK, Status.APPROVED, Status.REJECTED),
        Status.APPROVED: (Status.FUNDS_REQUESTED, Status.CLOSED),
        Status.REJECTED: (),
        Status.FUNDS_REQUESTED: (Status.PROOF_RECEIVED,),
        Status.PROOF_RECEIVED: (Status.CLOSED,),
        Status.CLOSED: (),
    }
    FINAL = (Status.REJECTED, Status.CLOSED)

    class ApplicantKind(models.TextChoices):
        PERSON = "person", _("ehrenamtliche Initiative oder Privatperson")
        ORGANISATION = "organisation", _("Träger in Zusammenarbeit mit Ehrenamtlichen")

    class PartnerKind(models.TextChoices):
        INITIATIVE = "initiative", _("ehrenamtliche Initiative oder Privatperson")
        MUNICIPAL = "municipal", _("kommunaler Träger")
        INDEPENDENT = "independent", _("freier Träger")
        WELFARE = "welfare", _("Träger der freien Wohlfahrtspflege")
        RELIGIOUS = "religious", _("anerkannte Religionsgemeinschaft")
        OTHER = "other", _("andere Organisation")

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    programme = models.ForeignKey(
        "microprojects.FundingProgramme",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("Förderprogramm"),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    reference = models.CharField(
        _("Aktenzeichen"), max_length=20, unique=True, null=True, blank=True, editable=False
    )
    language = models.CharField(_("Sprache der Antragstellenden"), max_length=8, editable=False)
    completed_tasks = models.JSONField(default=list, editable=False)

    applicant_kind = models.CharField(
        _("Art der Antragstellenden"), max_length=20, choices=ApplicantKind.choices
    )
    applicant_name = models.CharField(_("Name"), max_length=200, blank=True)
    applicant_organisation = models.CharField(
        _("Initiative oder Organisation"), max_length=200, blank=True
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=5, blank=True)
    town = models.CharField(_("Ort"), max_length=100, blank=True)
    email = models.EmailField(_("E-Mail-Adresse"), blank=True)
    phone = models.CharField(_("Telefonnummer"), max_length=40, blank=True)

    has_partner = models.BooleanField(_("Mit Kooperationspartner"), null=True, blank=True)
    partner_kind = models.CharField(
        _("Art des Kooperationspartners"), max_length=20, choices=PartnerKind.choices, blank=True
    )
    partner_name = models.CharField(_("Name des Kooperationspartners"), max_length=200, blank=True)
    partner_contact = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    partner_email = models.EmailField(_("E-Mail-Adresse des Kooperationspartners"), blank=True)
    partner_phone = models.CharField(
        _("Telefonnummer des Kooperationspartners"), max_length=40, blank=True
    )

    title = models.CharField(_("Projekttitel"), max_length=200, blank=True)
    description = models.TextField(_("Projektbeschreibung"), max_length=5000, blank=True)
    target_group = models.TextField(_("Zielgruppe"), max_length=2000, blank=True)
    expected_participants = models.PositiveIntegerField(
        _("Erwartete Teilnehmende"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100000)],
    )
    municipality = models.ForeignKey(
        "contacts.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("Stadt oder Gemeinde"),
    )
    starts_on = models.DateField(_("Projektbeginn"), null=True, blank=True)
    ends_on = models.DateField(_("Projektende"), null=True, blank=True)

    is_language_course = models.BooleanField(_("Sprachkurs"), null=True, blank=True)
    own_contribution = models.DecimalField(
        _("Eigenanteil (Euro)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(0)],
    )
    other_funding = models.DecimalField(
        _("Andere Förderung (Euro)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(0)],
    )

    consented_at = models.DateTimeField(_("Einwilligung erteilt am"), null=True, blank=True)
    # The address the secret link last reached: the page says so only when it is true.
    link_mailed_to = models.EmailField(
        _("Link zum Weitermachen gesendet an"), blank=True, editable=False
    )
    internal_notes = models.TextField(
        _("Interne Notizen"),
        blank=True,
        help_text=_("Nur für das Team der Koordinierungsstelle; Antragstellende sehen sie nie."),
    )

    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zuletzt geändert am"), auto_now=True)
    submitted_at = models.DateTimeField(_("eingereicht am"), null=True, blank=True)
    closed_at = models.DateTimeField(_("abgeschlossen am"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Antrag")
        verbose_name_plural = _("Anträge")
        ordering = ["-submitted_at", "-pk"]
        permissions = [("view_applications", _("Mikroprojekte-Anträge"))]

    def __str__(self):
        return self.reference or _("Entwurf %(pk)s") % {"pk": self.pk}

    @classmethod
    def start(cls, *, programme, applicant_kind, language):
        """A new draft and the secret token that reopens it (shown once, never stored)."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        application = cls.objects.create(
            token_hash=hash_token(token),
            programme=programme,
            applicant_kind=applicant_kind,
            language=language,
        )
        return application, token

    @property
    def language_name(self):
        """The applicant's language, named in the active language: „Arabisch“ for the office."""
        from core.languages import language_name

        return language_name(self.language)

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def expires_at(self):
        return self.updated_at + settings.APPLICATION_DRAFT_AGE

    def next_statuses(self):
        return self.TRANSITIONS[self.Status(self.status)]

    # Money ------------------------------------------------------------------------------

    @property
    def total_costs(self):
        lines = getattr(self, "_prefetched_objects_cache", {}).get("cost_lines")
        if lines is not None:
            return sum((line.amount for line in lines), Decimal(0))
        return self.cost_lines.aggregate(total=Sum("amount"))["total"] or Decimal(0)

    @property
    def requested_amount(self):
        """What the programme is asked for: the costs less own contribution and other funding."""
        return self.total_costs - self.own_contribution - self.other_funding

    @property
    def amount_limit(self):
        """The highest grant for this project: the language-course maximum for courses."""
        programme = self.programme
        if self.is_language_course and programme.max_amount_per_language_course is not None:
            return min(programme.max_amount_per_language_course, programme.max_amount_per_project)
        return programme.max_amount_per_project


class ReferenceCounter(models.Model):
    """The last reference number given out in a year."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"

    @classmethod
    def next_reference(cls, year):
        """MP-YYYY-NNNN, unique even when two applications are submitted at the same moment.

        The row is created once per year; the increment is one UPDATE, which the database
        serialises, and the value is read back inside the same transaction.
        """
        with transaction.atomic():
            cls.objects.get_or_create(year=year)
            cls.objects.filter(year=year).update(last=F("last") + 1)
            number = cls.objects.select_for_update().get(year=year).last
        return f"MP-{year}-{number:04d}"


class CostLine(models.Model):
    class Category(models.TextChoices):
        FEES = "fees", _("Honorare")
        MATERIAL = "material", _("Sachkosten und Material")
        RENT = "rent", _("Miete")
        TRAVEL = "travel", _("Fahrtkosten")
        CATERING = "catering", _("Verpflegung")
        PUBLICITY = "publicity", _("Öffentlichkeitsarbeit")
        OTHER = "other", _("Sonstiges")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="cost_lines", verbose_name=_("Antrag")
    )
    category = models.CharField(_("Art der Kosten"), max_length=20, choices=Category.choices)
    description = models.CharField(_("Beschreibung"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("Betrag (Euro)"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )

    class Meta:
        verbose_name = _("Kostenposition")
        verbose_name_plural = _("Kostenplan")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_category_display()}: {self.amount} €"


def attachment_path(instance, filename):
    # A random folder: the file's address says nothing about the application or its name.
    return f"applications/{uuid.uuid4().hex}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """A file the applicant adds, checked by content like an editor's document."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("Antrag")
    )
    file = models.FileField(_("Datei"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("Dateiname"), max_length=200)
    content_type = models.CharField(_("Dateityp"), max_length=100)
    size = models.PositiveBigIntegerField(_("Größe in Bytes"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(_("hochgeladen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Anlage")
        verbose_name_plural = _("Anlagen")
        ordering = ["pk"]

    def __str__(self):
        return self.original_name


class StatusChange(models.Model):
    """One step of the office's workflow: who moved the application where, and why."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("Antrag"),
    )
    old_status = models.CharField(_("bisheriger Status"), max_length=20, choices=Application.Status)
    new_status = models.CharField(_("neuer Status"), max_length=20, choices=Application.Status)
    note = models.TextField(_("Interne Notiz"), blank=True)
    message = models.TextField(
        _("Nachricht an Antragstellende"),
        blank=True,
        help_text=_("Steht in der E-Mail an die Antragstellenden."),
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geändert von"),
    )
    changed_at = models.DateTimeField(_("geändert am"), default=timezone.now)
    applicant_notified = models.BooleanField(_("Antragstellende benachrichtigt"), default=False)

    class Meta:
        verbose_name = _("Statuswechsel")
        verbose_name_plural = _("Statuswechsel")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.get_old_status_display()} → {self.get_new_status_display()}"


class OutgoingMail(models.Model):
    """An e-mail about an application, kept until the mail relay has accepted it.

    It is written in the same transaction as the change it reports, so a relay that is down
    loses no notice: the request answers normally and `send_queued_mail` sends it later.
    """

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Eingangsbestätigung an Antragstellende")
        OFFICE = "office", _("Neuer Antrag an die Koordinierungsstelle")
        STATUS = "status", _("Statusmitteilung an Antragstellende")

    # After this many failed attempts a mail is no longer retried by itself.
    MAX_ATTEMPTS = 10

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="mails", verbose_name=_("Antrag")
    )
    status_change = models.ForeignKey(
        StatusChange,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mails",
        verbose_name=_("Statuswechsel"),
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    to = models.EmailField(_("Empfänger-Adresse"))
    reply_to = models.EmailField(_("Antwort an"), blank=True)
    subject = models.CharField(_("Betreff"), max_length=300)
    body = models.TextField(_("Text"))
    attach_pdf = models.BooleanField(_("mit dem Antrag als PDF"), default=False)
    created_at = models.DateTimeField(_("angelegt am"), default=timezone.now)
    sent_at = models.DateTimeField(_("versandt am"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("Versuche"), default=0)
    last_error = models.CharField(_("letzter Fehler"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("E-Mail")
        verbose_name_plural = _("E-Mails")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.subject
