"""Replace the database and the media with those of an archive written by backup_site."""

import sys

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, restore_site, verify


class Command(BaseCommand):
    help = (
        "Stellt Datenbank und Medien aus einer Sicherung von backup_site wieder her. "
        "Alles, was seit der Sicherung gespeichert wurde, geht verloren."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Pfad der Sicherung (.tar.gz)")
        parser.add_argument("--yes", action="store_true", help="Ohne Rückfrage wiederherstellen.")

    def handle(self, *args, archive, yes=False, **options):
        try:
            manifest = verify(archive)
            media = len(manifest["sha256"]) - 1
            self.stdout.write(
                f"Sicherung vom {manifest['created']} geprüft: Datenbank, {media} Dateien."
            )
            if not yes and not self._confirmed():
                raise CommandError(
                    "Nicht wiederhergestellt. Mit --yes ersetzt der Befehl Datenbank und Medien."
                )
            restore_site(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write("Wiederhergestellt: Datenbank und Medien.")

    def _confirmed(self):
        # Without a terminal (cron, CI) nobody can answer: only --yes restores.
        if not sys.stdin.isatty():
            return False
        answer = input("Datenbank und Medien durch die Sicherung ersetzen? Tippen Sie „ja“: ")
        return answer.strip().lower() == "ja"
