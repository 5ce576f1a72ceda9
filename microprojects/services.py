"""Writes that span several rows: the CSV import of a year's funded projects."""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from contacts.models import Municipality

from .models import FundedProject

# Header names editors may use in their spreadsheet; the first is the one error messages name.
# They are compared normalised (lower case, no punctuation).
COLUMNS = {
    "year": ("Jahr", "Förderjahr"),
    "title": ("Projekt", "Projekttitel", "Titel"),
    "organisation": ("Träger", "Organisation", "Verein", "Antragsteller"),
    "municipality": ("Stadt oder Gemeinde", "Stadt/Gemeinde", "Gemeinde", "Stadt", "Kommune",
                     "Ort"),
    "category": ("Bereich", "Kategorie"),
    "amount": ("Betrag", "Betrag (Euro)", "Betrag in Euro", "Bewilligter Betrag",
               "Bewilligter Betrag (Euro)", "Betrag EUR", "Fördersumme"),
    "description": ("Kurzbeschreibung", "Beschreibung"),
}
REQUIRED = ("title", "organisation", "municipality", "category", "amount")
THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


@dataclass
class ImportRow:
    line: int
    project: FundedProject | None = None
    is_update: bool = False
    errors: list = field(default_factory=list)


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)
    file_errors: list = field(default_factory=list)

    @property
    def errors(self):
        """Every problem as (line, message), file-level problems first."""
        return [(None, message) for message in self.file_errors] + [
            (row.line, message) for row in self.rows for message in row.errors
        ]

    @property
    def is_valid(self):
        return bool(self.rows) and not self.errors


def decode_csv(data):
    """Text of an uploaded CSV: UTF-8 (with or without BOM), else Excel's Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _normalise(header):
    return re.sub(r"[^\wäöüß ]+", "", header.strip().lower()).replace("  ", " ").strip()


def _column_map(header):
    aliases = {_normalise(alias): key for key, names in COLUMNS.items() for alias in names}
    return {index: aliases[_normalise(name)] for index, name in enumerate(header)
            if _normalise(name) in aliases}


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


def _lookup_tables():
    municipalities = {m.name.casefold(): m for m in Municipality.objects.all()}
    categories = {}
    for value, label in FundedProject.Category.choices:
        categories[value.casefold()] = value
        categories[str(label).casefold()] = value
    return municipalities, categories


def parse_funded_projects_csv(data, *, year):
    """Check every row of a year's list without saving anything; return rows and errors."""
    text = decode_csv(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    result = ImportResult()
    rows = _readable_rows(reader, result)
    header = next(rows, None)
    if result.rows:
        return result
    if not header:
        result.file_errors.append(_("Die Datei ist leer."))
        return result
    columns = _column_map(header)
    missing = [COLUMNS[key][0] for key in REQUIRED if key not in columns.values()]
    if missing:
        result.file_errors.append(
            _("Es fehlen Spalten: %(columns)s. Die erste Zeile muss die Spaltennamen enthalten.")
            % {"columns": ", ".join(missing)}
        )
        return result
    municipalities, categories = _lookup_tables()
    existing = {
        (p.title_de, p.organisation): p for p in FundedProject.objects.filter(year=year)
    }
    seen = {}
    for cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        row = ImportRow(line=reader.line_num)
        values = {key: cells[index].strip() for index, key in columns.items() if index < len(cells)}
        row.project = _build_project(values, row.errors, year=year,
                                     municipalities=municipalities, categories=categories)
        if row.project is not None:
            key = (row.project.title_de, row.project.organisation)
            if key in seen:
                row.errors.append(_("Das Projekt steht schon in Zeile %(line)s.")
                                  % {"line": seen[key]})
            seen.setdefault(key, row.line)
            if key in existing:
                # Update in place, so translations and the published flag stay as they are.
                row.is_update = True
                row.project = _updated(existing[key], row.project)
        result.rows.append(row)
    if not result.rows and not result.file_errors:
        result.file_errors.append(_("Die Datei enthält keine Projekte."))
    return result


def _readable_rows(reader, result):
    """The rows of `reader`; a row it cannot read (e.g. an unclosed quote) ends the file."""
    try:
        yield from reader
    except csv.Error:
        # Reported like any other bad row, so nothing from the file is saved.
        result.rows.append(ImportRow(line=reader.line_num, errors=[
            _("Diese Zeile lässt sich nicht lesen, zum Beispiel wegen eines nicht "
              "geschlossenen Anführungszeichens.")]))


def _build_project(values, errors, *, year, municipalities, categories):
    for key in REQUIRED:
        if not values.get(key):
            errors.append(_("„%(column)s“ ist leer.") % {"column": COLUMNS[key][0]})
    if values.get("year") and values["year"] != str(year):
        errors.append(_("Das Jahr %(found)s passt nicht zum gewählten Jahr %(year)s.")
                      % {"found": values["year"], "year": year})
    municipality = None
    if values.get("municipality"):
        municipality = municipalities.get(values["municipality"].casefold())
        if municipality is None:
            errors.append(_("Die Stadt oder Gemeinde „%(name)s“ ist nicht bekannt.")
                          % {"name": values["municipality"]})
    category = None
    if values.get("category"):
        category = categories.get(values["category"].casefold())
        if category is None:
            errors.append(
                _("Den Bereich „%(name)s“ gibt es nicht. Möglich sind: %(choices)s.")
                % {"name": values["category"],
                   "choices": ", ".join(str(label) for _value, label in
                                        FundedProject.Category.choices)}
            )
    amount = None
    if values.get("amount"):
        try:
            amount = parse_amount(values["amount"])
        except ValueError:
            errors.append(_("„%(value)s“ ist kein Betrag.") % {"value": values["amount"]})
    if errors:
        return None
    project = FundedProject(
        year=year, title_de=values["title"], organisation=values["organisation"],
        municipality=municipality, category=category, amount=amount,
        description_de=values.get("description", ""),
    )
    try:
        project.full_clean(exclude=["is_published"], validate_unique=False)
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            label = FundedProject._meta.get_field(field_name.removesuffix("_de")).verbose_name
            errors.extend(f"{label}: {message}" for message in messages)
        return None
    return project


def _updated(project, imported):
    for name in ("municipality", "category", "amount", "description_de"):
        setattr(project, name, getattr(imported, name))
    return project


@transaction.atomic
def import_funded_projects(result, *, publish):
    """Save a checked import: all rows or, if any row has an error, none."""
    if not result.is_valid:
        raise ValueError("An import with errors must not be saved.")
    for row in result.rows:
        if not row.is_update:
            row.project.is_published = publish
        row.project.save()
    return len(result.rows)
