"""The CSV columns of the funded projects, shared by the export, the import and its preview."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from contacts.models import Municipality

from .formatting import format_number
from .models import FundedProject
from .templatetags.microprojects_tags import amount as amount_html

SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
# Spreadsheets run cells starting with these as formulas; a leading apostrophe keeps them text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


class CellError(ValueError):
    """A cell the import cannot use; the message tells the editor why."""


@dataclass(frozen=True)
class ReadContext:
    """What reading a row needs besides its cells: the chosen year and the lookup tables."""

    year: int
    municipalities: dict
    categories: dict

    @classmethod
    def for_year(cls, year):
        """The context for one year's list, loading the towns once for all rows."""
        categories = {value.casefold(): value for value in FundedProject.Category.values}
        # An exported file names areas in its reader's language, so every language's label counts.
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                categories.update(
                    (str(label).casefold(), value)
                    for value, label in FundedProject.Category.choices
                )
        return cls(
            year=year,
            municipalities={m.name.casefold(): m for m in Municipality.objects.all()},
            categories=categories,
        )


def normalise(heading):
    """A heading as the import compares it: lower case, without punctuation."""
    return re.sub(r"[^\wäöüß ]+", "", heading.strip().lower()).replace("  ", " ").strip()


def parse_amount(text):
    """An amount as spreadsheets write it: 1.234,50 · 1234,5 · 1234.50 · 1.234 € · €1,234.50."""
    text = re.sub(r"(€|eur(o)?|\s)", "", text.strip(), flags=re.IGNORECASE)
    if "," in text and "." in text:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        text = text.replace("." if decimal_mark == "," else ",", "")
        text = text.replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    elif THOUSANDS.match(text):
        text = text.replace(".", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


def _write_text(value, language):
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def _read_text(text, context):
    # Drops the apostrophe the export puts before formula-like text, so a file re-imports as it was.
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        return text[1:]
    return text


def _write_year(value, language):
    return str(value)


def _read_year(text, context):
    if text and text != str(context.year):
        raise CellError(
            _("Das Jahr %(found)s passt nicht zum gewählten Jahr %(year)s.")
            % {"found": text, "year": context.year}
        )
    return context.year


def _write_municipality(value, language):
    return _write_text(value.name, language)


def _read_municipality(text, context):
    name = _read_text(text, context)
    municipality = context.municipalities.get(name.casefold())
    if municipality is None:
        raise CellError(_("Die Stadt oder Gemeinde „%(name)s“ ist nicht bekannt.") % {"name": text})
    return municipality


def _show_municipality(value):
    return value.name


def _category_label(value):
    # An unknown stored value is shown as it is, as Django's get_FOO_display does.
    return str(dict(FundedProject.Category.choices).get(value, value))


def _write_category(value, language):
    with translation.override(language):
        return _category_label(value)


def _read_category(text, context):
    category = context.categories.get(text.casefold())
    if category is None:
        raise CellError(
            _("Den Bereich „%(name)s“ gibt es nicht. Möglich sind: %(choices)s.")
            % {
                "name": text,
                "choices": ", ".join(
                    str(label) for _value, label in FundedProject.Category.choices
                ),
            }
        )
    return category


def _write_amount(value, language):
    # Cents always and no thousands separator, so spreadsheets read the cell as a number.
    return format_number(value, language, cents=True, grouping=False)


def _read_amount(text, context):
    try:
        return parse_amount(text)
    except ValueError:
        raise CellError(_("„%(value)s“ ist kein Betrag.") % {"value": text}) from None


@dataclass(frozen=True)
class Column:
    """One CSV column: its model field, the names it goes by and how its cells are written."""

    key: str
    # German; the export writes it in the reader's language, the import accepts it in any.
    heading: str
    # What editors' messages, the help text and the preview call the column, if not the heading.
    label: str = ""
    # Further German headings editors use in their own spreadsheets.
    aliases: tuple = ()
    required: bool = False
    # A field with translations: exported in the reader's language, imported as the German text.
    translated: bool = False
    # Together these find the project a row updates; an update writes only the other columns.
    identifies: bool = False
    in_preview: bool = True
    write: Callable = _write_text
    read: Callable = _read_text
    show: Callable = str

    def __post_init__(self):
        if not self.label:
            object.__setattr__(self, "label", self.heading)

    @property
    def field(self):
        """The model field the import writes."""
        return f"{self.key}_{SOURCE_LANGUAGE}" if self.translated else self.key

    def names(self):
        """Every heading the import accepts for this column."""
        names = {self.heading, self.label, *self.aliases}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                names.add(_(self.heading))
        return names


COLUMNS = (
    Column(
        "year",
        gettext_noop("Jahr"),
        aliases=("Förderjahr",),
        identifies=True,
        in_preview=False,
        write=_write_year,
        read=_read_year,
    ),
    Column(
        "title",
        gettext_noop("Projekt"),
        aliases=("Projekttitel", "Titel"),
        required=True,
        translated=True,
        identifies=True,
    ),
    Column(
        "organisation",
        gettext_noop("Träger"),
        aliases=("Organisation", "Verein", "Antragsteller"),
        required=True,
        identifies=True,
    ),
    Column(
        "municipality",
        gettext_noop("Stadt oder Gemeinde"),
        aliases=("Stadt/Gemeinde", "Gemeinde", "Stadt", "Kommune", "Ort"),
        required=True,
        write=_write_municipality,
        read=_read_municipality,
        show=_show_municipality,
    ),
    Column(
        "category",
        gettext_noop("Bereich"),
        aliases=("Kategorie",),
        required=True,
        write=_write_category,
        read=_read_category,
        show=_category_label,
    ),
    Column(
        "amount",
        gettext_noop("Betrag (Euro)"),
        label=gettext_noop("Betrag"),
        aliases=(
            "Betrag in Euro",
            "Bewilligter Betrag",
            "Bewilligter Betrag (Euro)",
            "Betrag EUR",
            "Fördersumme",
        ),
        required=True,
        write=_write_amount,
        read=_read_amount,
        show=amount_html,
    ),
    Column(
        "description",
        gettext_noop("Kurzbeschreibung"),
        aliases=("Beschreibung",),
        translated=True,
        in_preview=False,
    ),
)
PREVIEW_COLUMNS = tuple(column for column in COLUMNS if column.in_preview)


def columns_by_heading():
    """Each accepted heading, normalised, with the column it names."""
    return {normalise(name): column for column in COLUMNS for name in column.names()}
