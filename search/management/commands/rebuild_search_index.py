from django.core.management.base import BaseCommand

from documents.services import fill_missing_pdf_text
from search.index import rebuild


class Command(BaseCommand):
    help = (
        "Baut den Suchindex neu auf. Liest vorher den Text aus PDF-Dateien, die vor der "
        "Suche hochgeladen wurden und noch keinen gespeicherten Text haben."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-pdf-text",
            action="store_true",
            help="Den Text der PDF-Dateien nicht nachträglich lesen.",
        )

    def handle(self, *args, skip_pdf_text=False, **options):
        if not skip_pdf_text:
            filled = fill_missing_pdf_text()
            self.stdout.write(f"PDF-Text nachgetragen: {filled} Dateien")
        count = rebuild()
        self.stdout.write(f"Suchindex: {count} Einträge")
