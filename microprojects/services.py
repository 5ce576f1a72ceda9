"""Writes that span several rows: the CSV import of a year's funded projects."""

import csv
import io
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.history import revision

from .columns import COLUMNS, PREVIEW_COLUMNS, CellError, ReadContext, columns_by_heading, normalise
from .columns import parse_amount as parse_amount  # where callers have always found it
from .models import FundedProject


@dataclass
class ImportRow:
    line: int
    project: FundedProject | None = None
    is_update: bool = False
    errors: list = field(default_factory=list)

    @property
    def preview(self):
        """The row's cells as the preview table shows them."""
        return [column.show(getattr(self.project, column.field)) for column in PREVIEW_COLUMNS]


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


class CsvFileError(ValueError):
    """The file as a whole cannot be read; the message says why, in German."""


SAVE_AS_UTF8 = gettext_lazy(
    "Bitte speichern Sie die Tabelle in Excel als „CSV UTF-8 (durch Trennzeichen getrennt)“ "
    "oder in LibreOffice als „Text CSV“ mit dem Zeichensatz „Unicode (UTF-8)“."
)
# A valid UTF-8 sequence beyond ASCII: a file holding one was meant as UTF-8.
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _line_of(data, position):
    return data.count(b"\n", 0, position) + 1


def decode_csv(data):
    """Text of an uploaded CSV, by what its bytes are: UTF-8 or UTF-16 with a byte order
    mark, UTF-8, or Excel's Windows-1252; CsvFileError for anything else."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise CsvFileError(
                _("Die Datei ist als UTF-16 gekennzeichnet, aber beschädigt. %(advice)s")
                % {"advice": SAVE_AS_UTF8}
            ) from None
    elif b"\x00" in data:
        raise CsvFileError(
            _(
                "Die Datei enthält in Zeile %(line)s ein Nullzeichen; so sieht keine Textdatei "
                "aus (vielleicht UTF-16 ohne Kennzeichnung oder eine Excel-Arbeitsmappe). "
                "%(advice)s"
            )
            % {"line": _line_of(data, data.index(b"\x00")), "advice": SAVE_AS_UTF8}
        )
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if data.startswith(b"\xef\xbb\xbf") or UTF8_MULTIBYTE.search(data):
                raise CsvFileError(
                    _(
                        "Die Datei ist als UTF-8 gespeichert, enthält aber in Zeile %(line)s "
                        "Zeichen, die kein gültiges UTF-8 sind. %(advice)s"
                    )
                    % {"line": _line_of(data, error.start), "advice": SAVE_AS_UTF8}
                ) from None
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as error:
                raise CsvFileError(
                    _("Die Zeichenkodierung der Datei ist unbekannt (Zeile %(line)s). %(advice)s")
                    % {"line": _line_of(data, error.start), "advice": SAVE_AS_UTF8}
                ) from None
    if "\x00" in text:
        raise CsvFileError(
            _("Die Datei enthält in Zeile %(line)s ein Nullzeichen. %(advice)s")
            % {"line": text.count("\n", 0, text.index("\x00")) + 1, "advice": SAVE_AS_UTF8}
        )
    return text


def _column_map(header):
    by_heading = columns_by_heading()
    return {
        index: by_heading[normalise(name)]
        for index, name in enumerate(header)
        if normalise(name) in by_heading
    }


def _identity(project):
    return tuple(getattr(project, column.field) for column in COLUMNS if column.identifies)


def parse_funded_projects_csv(data, *, year):
    """Check every row of a year's list without saving anything; return rows and errors."""
    result = ImportResult()
    try:
        text = decode_csv(data)
    except CsvFileError as error:
        result.file_errors.append(str(error))
        return result
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = _readable_rows(reader, result)
    header = next(rows, None)
    if result.rows:
        return result
    if not header:
        result.file_errors.append(_("Die Datei ist leer."))
        return result
    found = _column_map(header)
    missing = [
        column.label for column in COLUMNS if column.required and column not in found.values()
    ]
    if missing:
        result.file_errors.append(
            _("Es fehlen Spalten: %(columns)s. Die erste Zeile muss die Spaltennamen enthalten.")
            % {"columns": ", ".join(missing)}
        )
        return result
    context = ReadContext.for_year(year)
    existing = {_identity(p): p for p in FundedProject.objects.filter(year=year)}
    seen = {}
    limit = settings.CSV_IMPORT_MAX_ROWS
    for cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(result.rows) >= limit:
            # Checked no further: the limit bounds the time an import may take.
            result.rows = []
            result.file_errors.append(
                _(
                    "Die Datei hat mehr als %(limit)s Zeilen. Bitte teilen Sie sie auf "
                    "mehrere Dateien auf."
                )
                % {"limit": number_format(limit, force_grouping=True)}
            )
            return result
        row = ImportRow(line=reader.line_num)
        texts = {
            column.key: cells[index].strip()
            for index, column in found.items()
            if index < len(cells)
        }
        row.project = _build_project(texts, row.errors, context)
        if row.project is not None:
            key = _identity(row.project)
            if key in seen:
                row.errors.append(
                    _("Das Projekt steht schon in Zeile %(line)s.") % {"line": seen[key]}
                )
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
        result.rows.append(
            ImportRow(
                line=reader.line_num,
                errors=[
                    _(
                        "Diese Zeile lässt sich nicht lesen, zum Beispiel wegen eines nicht "
                        "geschlossenen Anführungszeichens."
                    )
                ],
            )
        )


def _build_project(texts, errors, context):
    for column in COLUMNS:
        if column.required and not texts.get(column.key):
            errors.append(_("„%(column)s“ ist leer.") % {"column": column.label})
    values = {}
    for column in COLUMNS:
        text = texts.get(column.key, "")
        if column.required and not text:
            continue
        try:
            values[column.field] = column.read(text, context)
        except CellError as error:
            errors.append(str(error))
    if errors:
        return None
    project = FundedProject(**values)
    try:
        project.full_clean(exclude=["is_published"], validate_unique=False)
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            label = FundedProject._meta.get_field(field_name.removesuffix("_de")).verbose_name
            errors.extend(f"{label}: {message}" for message in messages)
        return None
    return project


def _updated(project, imported):
    for column in COLUMNS:
        if not column.identifies:
            setattr(project, column.field, getattr(imported, column.field))
    return project


@transaction.atomic
def import_funded_projects(result, *, publish, year, user=None):
    """Save a checked import in one revision: all rows or, if any row has an error, none."""
    if not result.is_valid:
        raise ValueError("An import with errors must not be saved.")
    comment = _("Geförderte Projekte importiert (CSV, Förderjahr %(year)s)") % {"year": year}
    with revision(comment, user=user):
        for row in result.rows:
            if not row.is_update:
                row.project.is_published = publish
            row.project.save()
    return len(result.rows)
