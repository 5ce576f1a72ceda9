import re
import unicodedata
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.publication import Publishable, PublishableQuerySet
from translations.models import TranslationTracked

from . import languages, phones
from .fields import LanguagesField, PhoneNumberField, PostalCodesField

# Person pages live beside these fixed pages of the section, so no slug may take their name.
RESERVED_SLUGS = {"zustaendigkeitsfinder", "zustaendigkeiten"}
IMAGE_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
MAX_IMAGE_BYTES = 5 * 1024 * 1024


def fold(text):
    """Lower case without accents, "ö" as "o": how German readers sort and search names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _source_field(name):
    # The admin edits translated fields per language; errors belong to the German one.
    return build_localized_fieldname(name, settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


def validate_image_size(file):
    if file.size > MAX_IMAGE_BYTES:
        raise ValidationError(_("Das Bild ist zu groß. Erlaubt sind höchstens 5 MB."))


def validate_slug_not_reserved(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _(
                "„%(slug)s“ ist schon die Adresse einer anderen Seite. "
                "Bitte wählen Sie eine andere."
            ),
            params={"slug": value},
        )


def example_flag():
    """„Beispiel, noch nicht bestätigt“ for a place, spelling or authority from the demo."""
    return models.BooleanField(
        _("Beispiel, noch nicht bestätigt"),
        default=False,
        help_text=_(
            "Eingeschaltet, solange die Angabe nicht von der Koordinierungsstelle geprüft ist. "
            "Die Website kennzeichnet sie dann als Beispiel. Ausschalten, sobald sie stimmt."
        ),
    )


class Team(TranslationTracked):
    """A group of the office with common tasks, e.g. the KOI or the KIK."""

    name = models.CharField(
        _("Name"),
        max_length=200,
        help_text=_("Zum Beispiel „Kommunale Integrationskoordinatoren“."),
    )
    abbreviation = models.CharField(
        _("Abkürzung"),
        max_length=20,
        unique=True,
        help_text=_("Zum Beispiel „KIK“. Wird hinter dem Namen in Klammern gezeigt."),
    )
    description = models.TextField(
        _("Beschreibung"),
        blank=True,
        help_text=_("Ein bis zwei Sätze vor der Liste der Aufgaben."),
    )
    is_general_contact = models.BooleanField(
        _("allgemeine Ansprechpersonen"),
        default=False,
        help_text=_(
            "Der Zuständigkeitsfinder nennt die Personen dieses Teams bei jedem Ort "
            "als allgemeinen Kontakt (zum Beispiel die KOI)."
        ),
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Team")
        verbose_name_plural = _("Teams")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})"


class Task(TranslationTracked):
    """One task of a team, shown as a bullet point."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("Team")
    )
    text = models.CharField(_("Aufgabe"), max_length=300)
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Aufgabe")
        verbose_name_plural = _("Aufgaben")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text


class Office(TranslationTracked):
    """A place people visit: an address with directions and opening hours."""

    name = models.CharField(
        _("Name"), max_length=200, help_text=_("Zum Beispiel „Standort Grimma“.")
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200)
    building = models.CharField(
        _("Gebäude"), max_length=100, blank=True, help_text=_("Zum Beispiel „Gebäude 62“.")
    )
    postal_code = models.CharField(_("Postleitzahl"), max_length=5)
    town = models.CharField(_("Ort"), max_length=100)
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_(
            "Für den Link zur Karte, z. B. 51.237900. Leer lassen: Die Karte sucht "
            "dann nach der Adresse."
        ),
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    switchboard = PhoneNumberField(
        _("Telefonzentrale"),
        blank=True,
        help_text=_(
            "Zum Beispiel 03433 241-0. Telefonnummern, die damit beginnen, werden "
            "mit Bindestrich vor der Durchwahl gezeigt: 03433 241-3431."
        ),
    )
    accessibility = models.TextField(
        _("Barrierefreiheit"),
        blank=True,
        help_text=_("Zum Beispiel: stufenloser Eingang, Aufzug, barrierefreies WC."),
    )
    public_transport = models.TextField(
        _("Anfahrt mit Bus und Bahn"),
        blank=True,
        help_text=_("Haltestellen und Linien in der Nähe."),
    )
    opening_hours = models.TextField(
        _("Öffnungszeiten"),
        blank=True,
        help_text=_(
            "Schreiben Sie Tage und Uhrzeiten aus und nennen Sie Ausnahmen, "
            "z. B. „Dienstag 9 bis 12 Uhr und 13 bis 18 Uhr, nicht in den Schulferien“."
        ),
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Standort")
        verbose_name_plural = _("Standorte")
        ordering = ["order", "pk"]

    def __str__(self):
        return f"{self.name}: {self.street}, {self.postal_code} {self.town}"

    @property
    def street_line(self):
        return ", ".join(part for part in (self.street, self.building) if part)

    @property
    def map_url(self):
        """A link to the office on OpenStreetMap: the pin when known, else an address search."""
        if self.latitude is not None and self.longitude is not None:
            return (
                f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
                f"#map=18/{self.latitude}/{self.longitude}"
            )
        from urllib.parse import urlencode

        query = urlencode({"query": f"{self.street}, {self.postal_code} {self.town}"})
        return f"https://www.openstreetmap.org/search?{query}"


class Municipality(models.Model):
    """One of the towns (Städte) and municipalities (Gemeinden) of the county."""

    class Kind(models.TextChoices):
        TOWN = "stadt", _("Stadt")
        MUNICIPALITY = "gemeinde", _("Gemeinde")

    name = models.CharField(_("Name"), max_length=100, unique=True)
    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices)
    postal_codes = PostalCodesField(
        _("Postleitzahlen"),
        max_length=200,
        default=list,
        help_text=_(
            "Alle Postleitzahlen des Ortes, durch Komma getrennt, die wichtigste "
            "zuerst, z. B. „04668, 04680“. Mehrere Orte dürfen dieselbe haben."
        ),
    )
    official_key = models.CharField(
        _("Amtlicher Gemeindeschlüssel"),
        max_length=8,
        blank=True,
        help_text=_("Acht Ziffern, freiwillig. Hilft beim Abgleich mit amtlichen Daten."),
    )

    class Meta:
        verbose_name = _("Stadt oder Gemeinde")
        verbose_name_plural = _("Städte und Gemeinden")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.official_key and not (self.official_key.isdigit() and len(self.official_key) == 8):
            raise ValidationError({"official_key": _("Der Schlüssel hat genau acht Ziffern.")})


def validate_postal_code_prefixes(value):
    for part in re.split(r"[\s,;]+", value.strip()):
        if part and not (part.isdigit() and 2 <= len(part) <= 5):
            raise ValidationError(
                _(
                    "„%(part)s“ ist keine Postleitzahl und kein Anfang einer. Schreiben Sie "
                    "zwei bis fünf Ziffern, durch Komma getrennt, z. B. „041, 042, 043“."
                ),
                params={"part": part},
            )


class Locality(models.Model):
    """A village or district (Ortsteil) that belongs to one town: Nerchau belongs to Grimma."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="localities",
        verbose_name=_("gehört zu"),
    )
    name = models.CharField(_("Name des Ortsteils"), max_length=100)
    postal_codes = PostalCodesField(
        _("Postleitzahlen"),
        max_length=200,
        default=list,
        help_text=_("Die Postleitzahl des Ortsteils, bei mehreren durch Komma getrennt."),
    )
    is_example = example_flag()

    class Meta:
        verbose_name = _("Ortsteil")
        verbose_name_plural = _("Ortsteile")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"],
                name="contacts_locality_unique_name",
                violation_error_message=_("Diesen Ortsteil gibt es bei diesem Ort schon."),
            )
        ]

    def __str__(self):
        return self.name


class AlternativeName(models.Model):
    """Another spelling of a town's name: in Arabic or Cyrillic script, or a former name."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="alternative_names",
        verbose_name=_("Stadt oder Gemeinde"),
    )
    name = models.CharField(
        _("anderer Name"),
        max_length=100,
        help_text=_("Zum Beispiel „غريما“, „Гримма“ oder ein früherer Name."),
    )
    is_example = example_flag()

    class Meta:
        verbose_name = _("anderer Name")
        verbose_name_plural = _("andere Namen (andere Schrift, frühere Namen)")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OtherAuthority(TranslationTracked):
    """A place outside the county, e.g. the City of Leipzig: the finder says where to go."""

    name = models.CharField(
        _("Name"),
        max_length=200,
        unique=True,
        help_text=_(
            "Wie die Website die Stelle nennt, z. B. „Stadt Leipzig“ oder „Landkreis Nordsachsen“."
        ),
    )
    search_names = models.TextField(
        _("Suchbegriffe"),
        blank=True,
        help_text=_(
            "Namen, bei denen der Zuständigkeitsfinder auf diese Stelle verweist, einer pro "
            "Zeile: Orte, andere Schreibweisen (z. B. „Лейпциг“)."
        ),
    )
    postal_code_prefixes = models.CharField(
        _("Postleitzahlen"),
        max_length=300,
        blank=True,
        validators=[validate_postal_code_prefixes],
        help_text=_(
            "Ganze Postleitzahlen oder ihr Anfang, durch Komma getrennt: „041“ steht für "
            "alle Postleitzahlen von 04100 bis 04199. Orte des Landkreises haben Vorrang."
        ),
    )
    note = models.TextField(
        _("Hinweis"),
        blank=True,
        help_text=_(
            "Freiwillig: was Leserinnen und Leser dort erwartet, z. B. Anschrift oder "
            "Erreichbarkeit. Nur gesicherte Angaben."
        ),
    )
    website = models.URLField(_("Website"), blank=True)
    is_example = example_flag()

    class Meta:
        verbose_name = _("andere Behörde")
        verbose_name_plural = _("andere Behörden (außerhalb des Landkreises)")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def prefixes(self):
        return [part for part in re.split(r"[\s,;]+", self.postal_code_prefixes) if part]

    @property
    def search_name_list(self):
        return [line.strip() for line in self.search_names.splitlines() if line.strip()]


class PersonQuerySet(PublishableQuerySet):
    def published(self, *, also=None):
        """People whose details may be shown to the public now (plus `also`, a preview)."""
        return self.public(also=also)


class Person(Publishable, TranslationTracked):
    """Someone readers can contact, with the towns they are responsible for."""

    class Salutation(models.TextChoices):
        MS = "frau", _("Frau")
        MR = "herr", _("Herr")
        __empty__ = _("keine Anrede")

    salutation = models.CharField(
        _("Anrede"), max_length=10, choices=Salutation.choices, blank=True
    )
    academic_title = models.CharField(
        _("Titel"), max_length=50, blank=True, help_text=_("Zum Beispiel „Dr.“.")
    )
    first_name = models.CharField(
        _("Vorname"),
        max_length=100,
        blank=True,
        help_text=_("Freiwillig. Ohne Vorname zeigt die Seite „Frau Richter“."),
    )
    last_name = models.CharField(_("Nachname"), max_length=100)
    slug = models.SlugField(
        _("Adresse der Seite"),
        max_length=100,
        unique=True,
        validators=[validate_slug_not_reserved],
        help_text=_(
            "Der letzte Teil der Internetadresse, z. B. „richter“. Nur Kleinbuchstaben, "
            "Ziffern und Bindestriche."
        ),
    )
    job_title = models.CharField(
        _("Aufgabe"),
        max_length=200,
        help_text=_("Zum Beispiel „Kommunale Integrationskoordinatorin“."),
    )
    department = models.CharField(
        _("Fachbereich"),
        max_length=200,
        blank=True,
        help_text=_("Zum Beispiel „FB Grundsatzangelegenheiten Soziales“."),
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("Team"),
    )
    office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("Standort"),
        help_text=_("Wo man die Person besucht."),
    )
    room = models.CharField(
        _("Raum"), max_length=50, blank=True, help_text=_("Zum Beispiel „2.60“.")
    )
    phone = PhoneNumberField(
        _("Telefon"),
        blank=True,
        help_text=_("Zum Beispiel 03433 241-3431. Wird geprüft und einheitlich gespeichert."),
    )
    fax = PhoneNumberField(_("Fax"), blank=True)
    mobile = PhoneNumberField(_("Mobiltelefon"), blank=True)
    email = models.EmailField(
        _("E-Mail"),
        blank=True,
        help_text=_("Auch ein gemeinsames Postfach ist möglich, z. B. integrationshilfe@lk-l.de."),
    )
    consultation_hours = models.TextField(
        _("Sprechzeiten"),
        blank=True,
        help_text=_(
            "Schreiben Sie Tage und Uhrzeiten aus und nennen Sie Ausnahmen, "
            "z. B. „Donnerstag 9 bis 12 Uhr, nicht in den Schulferien“."
        ),
    )
    languages = LanguagesField(
        _("Sprachen"),
        max_length=200,
        blank=True,
        default=list,
        help_text=_(
            "In welchen Sprachen die Person beraten kann. So finden Zugewanderte "
            "jemanden, der ihre Sprache spricht."
        ),
    )
    details_are_example = models.BooleanField(
        _("Sprechzeiten und Sprachen sind ein Beispiel"),
        default=False,
        help_text=_(
            "Eingeschaltet, solange Sprechzeiten und Sprachen nur Beispiele sind. Die "
            "Website kennzeichnet sie dann als Beispiel. Ausschalten, sobald sie stimmen."
        ),
    )
    photo = models.ImageField(
        _("Foto"),
        upload_to="contacts/photos/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS), validate_image_size],
        help_text=_("Freiwillig. JPEG, PNG oder WebP, höchstens 5 MB."),
    )
    photo_alt = models.CharField(
        _("Bildbeschreibung"),
        max_length=200,
        blank=True,
        help_text=_("Was auf dem Foto zu sehen ist, für Menschen, die es nicht sehen können."),
    )
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="responsible_people",
        verbose_name=_("zuständig für"),
        help_text=_(
            "Die Städte und Gemeinden, für die die Person zuständig ist. "
            "Der Zuständigkeitsfinder zeigt sie dort an."
        ),
    )
    order = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["order", "last_name", "first_name", "pk"]

    def __str__(self):
        salutation = self.get_salutation_display() if self.salutation else ""
        return f"{salutation} {self.name}".strip()

    @property
    def honorific_prefixes(self):
        """Salutation and academic title, those that are set: ["Frau", "Dr."]."""
        salutation = str(self.get_salutation_display()) if self.salutation else ""
        return [p for p in (salutation, self.academic_title) if p]

    def get_absolute_url(self):
        return reverse("contacts:person", kwargs={"slug": self.slug})

    def clean(self):
        if self.photo and not self.photo_alt:
            message = _("Bitte beschreiben Sie das Foto.")
            raise ValidationError({_source_field("photo_alt"): message})

    @property
    def name(self):
        """Title, first and last name: "Dr. Anna Richter"."""
        return " ".join(p for p in (self.academic_title, self.first_name, self.last_name) if p)

    @property
    def _switchboard(self):
        return self.office.switchboard if self.office_id else ""

    @property
    def phone_display(self):
        return phones.display(self.phone, self._switchboard)

    @property
    def fax_display(self):
        return phones.display(self.fax, self._switchboard)

    @property
    def mobile_display(self):
        return phones.display(self.mobile)

    @property
    def photo_filename(self):
        return PurePosixPath(self.photo.name).name if self.photo else ""

    @property
    def municipality_list(self):
        """Towns in German alphabetical order (uses prefetched rows when there are any)."""
        return sorted(self.municipalities.all(), key=lambda town: fold(town.name))

    @property
    def language_list(self):
        return [languages.describe(code) for code in self.languages]


class ResponsibilityOverview(TranslationTracked):
    """Settings of the responsibility pages: the optional map and whether the mapping is real."""

    is_example = models.BooleanField(
        _("Zuordnung ist ein Beispiel"),
        default=False,
        help_text=_(
            "Eingeschaltet, solange die Zuordnung der Städte und Gemeinden zu den "
            "Personen nur ein Beispiel ist. Die Website weist dann darauf hin. "
            "Ausschalten, sobald die echte Zuordnung eingetragen ist."
        ),
    )
    map_image = models.ImageField(
        _("Übersichtskarte"),
        upload_to="contacts/maps/",
        blank=True,
        validators=[FileExtensionValidator(IMAGE_EXTENSIONS), validate_image_size],
        help_text=_(
            "Freiwillig: eine Karte der Zuständigkeiten als Bild (JPEG, PNG oder WebP). "
            "Die Tabelle auf der Website bleibt die Hauptquelle."
        ),
    )
    map_alt = models.CharField(
        _("Bildbeschreibung der Karte"),
        max_length=300,
        blank=True,
        help_text=_(
            "Kurz, was die Karte zeigt, z. B. „Karte des Landkreises Leipzig mit den "
            "Zuständigkeitsgebieten“. Die Einzelheiten stehen in der Tabelle."
        ),
    )
    updated_at = models.DateTimeField(_("zuletzt geändert"), auto_now=True)

    class Meta:
        verbose_name = _("Übersicht der Zuständigkeiten")
        verbose_name_plural = _("Übersicht der Zuständigkeiten")

    def __str__(self):
        return str(_("Übersicht der Zuständigkeiten"))

    @property
    def map_filename(self):
        return PurePosixPath(self.map_image.name).name if self.map_image else ""

    @property
    def map_format(self):
        """ "PNG", "JPEG" or "WEBP", for the link that opens the full-size map."""
        suffix = PurePosixPath(self.map_image.name).suffix.lstrip(".").upper()
        return "JPEG" if suffix == "JPG" else suffix

    def clean(self):
        if self.map_image and not self.map_alt:
            raise ValidationError({_source_field("map_alt"): _("Bitte beschreiben Sie die Karte.")})
