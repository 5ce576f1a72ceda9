"""Files for download: the funded projects as CSV."""

import csv

from django.utils.translation import gettext as _

from translations.fallback import field_in_language

from .columns import COLUMNS
from .formatting import amount_style

# Excel (which most readers open the file with) needs the BOM to read UTF-8.
BOM = "\ufeff"


def csv_dialect(language):
    """Where the decimal separator is a comma, spreadsheets expect semicolons between cells."""
    return ";" if amount_style(language).decimal == "," else ","


def csv_header():
    return [_(column.heading) for column in COLUMNS]


def _value(project, column, language):
    if column.translated:
        return field_in_language(project, column.key, language)[0]
    return getattr(project, column.key)


def write_funded_projects_csv(projects, stream, *, language):
    stream.write(BOM)
    writer = csv.writer(stream, delimiter=csv_dialect(language), lineterminator="\r\n")
    writer.writerow(csv_header())
    for project in projects:
        writer.writerow(
            [column.write(_value(project, column, language), language) for column in COLUMNS]
        )
