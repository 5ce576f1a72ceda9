"""The application as a printable form (PDF), in German for the office's files.

WeasyPrint lays the page out with Pango, which shapes Arabic and Farsi text and orders it
right to left; the fonts come from the system (Debian's fonts-dejavu-core has Arabic).
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

STYLE = Path(__file__).with_name("pdf.css")


def application_pdf(application):
    from weasyprint import CSS, HTML

    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(
            "applications/pdf.html",
            {
                "application": application,
                "cost_lines": list(application.cost_lines.all()),
                "attachments": list(application.attachments.all()),
            },
        )
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=STYLE)])
