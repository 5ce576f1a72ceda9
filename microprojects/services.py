"""Writes that span several rows: the CSV import of a year's funded projects."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

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


def decode_csv(data):
    """Text of an uploaded CSV: UTF-8 (with or without BOM), else Excel's Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


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
    for cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
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
