"""Files for download: the funded projects as CSV and the deadline as an iCalendar event."""

import csv
import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from integration_site.i18n import field_in_language

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
        writer.writerow([
            column.write(_value(project, column, language), language) for column in COLUMNS
        ])


def _ics_text(value):
    """Escape text as RFC 5545 requires."""
    return (str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545)."""
    encoded = line.encode()
    parts = []
    limit = 75
    while len(encoded) > limit:
        cut = limit
        while (encoded[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(encoded[:cut].decode())
        encoded = encoded[cut:]
        limit = 74  # continuation lines start with a space
    parts.append(encoded.decode())
    return "\r\n ".join(parts)


def deadline_ics(*, uid, date, summary, description, url):
    """A one-day calendar event for the application deadline."""
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Landkreis Leipzig//Koordinierungsstelle fuer Integration//DE",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{date + datetime.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_ics_text(summary)}",
        f"DESCRIPTION:{_ics_text(description)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)
