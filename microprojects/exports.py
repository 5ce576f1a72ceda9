"""Files for download: the funded projects as CSV."""

import csv

from django.utils.translation import gettext as _

from translations.fallback import field_in_language

from .formatting import amount_style, format_number

# Excel (which most readers open the file with) needs the BOM to read UTF-8.
BOM = "\ufeff"
# Spreadsheets run cells starting with these as formulas; a leading apostrophe keeps them text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _cell(value):
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def csv_dialect(language):
    """Where the decimal separator is a comma, spreadsheets expect semicolons between cells."""
    return ";" if amount_style(language).decimal == "," else ","


def csv_header():
    return [_("Jahr"), _("Projekt"), _("Träger"), _("Stadt oder Gemeinde"), _("Bereich"),
            _("Betrag (Euro)"), _("Kurzbeschreibung")]


def write_funded_projects_csv(projects, stream, *, language):
    stream.write(BOM)
    writer = csv.writer(stream, delimiter=csv_dialect(language), lineterminator="\r\n")
    writer.writerow(csv_header())
    for project in projects:
        writer.writerow([
            project.year,
            _cell(field_in_language(project, "title", language)[0]),
            _cell(project.organisation),
            _cell(project.municipality.name),
            project.get_category_display(),
            format_number(project.amount, language, cents=True, grouping=False),
            _cell(field_in_language(project, "description", language)[0]),
        ])
