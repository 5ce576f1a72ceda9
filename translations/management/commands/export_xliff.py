"""Export content translations of one language as XLIFF 1.2 for a translation agency."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from translations.status import TARGETS
from translations.xliff import export_xliff, nothing_to_export, units_for


class Command(BaseCommand):
    help = "Exportiert fehlende und veraltete Übersetzungen einer Sprache als XLIFF 1.2."

    def add_arguments(self, parser):
        parser.add_argument("--language", required=True, choices=TARGETS)
        parser.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="Alle Texte exportieren, auch vollständig übersetzte.",
        )
        parser.add_argument("--output", "-o", help="Datei; ohne Angabe auf die Standardausgabe.")

    def handle(self, *args, language, everything, output=None, **options):
        units = units_for(language, everything=everything)
        if not units:
            # Not an error: a script that exports every language goes on with the next one.
            self.stderr.write(nothing_to_export(language, everything=everything))
            return
        data = export_xliff(language, everything=everything, units=units)
        if output:
            try:
                Path(output).write_bytes(data)
            except OSError as error:
                raise CommandError(f"Die Datei kann nicht geschrieben werden: {error}") from error
            self.stderr.write(f"XLIFF für „{language}“ geschrieben: {output}")
        else:
            self.stdout.write(data.decode(), ending="")
