"""Import a translated XLIFF 1.2 file: checked completely first, then applied at once."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from translations.status import TARGETS
from translations.xliff import apply_import, plan_import


class Command(BaseCommand):
    help = "Importiert eine übersetzte XLIFF-1.2-Datei (erst prüfen, dann übernehmen)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--language", choices=TARGETS, help="Erwartete Zielsprache; ohne Angabe die der Datei."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Nur prüfen und berichten, nichts speichern."
        )

    def handle(self, *args, file, language=None, dry_run=False, **options):
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"Die Datei kann nicht gelesen werden: {error}") from error
        plan = plan_import(data, language=language)
        for text in plan.skipped:
            self.stderr.write(
                f"übersprungen (deutscher Text geändert): {text.where} ({text.unit_id})"
            )
        if not plan.ok:
            for error in plan.errors:
                self.stderr.write(f"Fehler: {error}")
            raise CommandError("Die Datei wurde nicht importiert; nichts wurde geändert.")
        for change in plan.changes:
            self.stdout.write(f"{change.unit_id}: {change.old!r} → {change.new!r}")
        if dry_run:
            self.stdout.write(f"Probelauf: {len(plan.changes)} Änderungen, nichts gespeichert.")
            return
        count = apply_import(plan)
        self.stdout.write(f"{count} Übersetzungen übernommen ({plan.language}).")
