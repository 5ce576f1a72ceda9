"""Write one archive with the database, the media and a manifest of checksums."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup_site


class Command(BaseCommand):
    help = (
        "Sichert Datenbank und Medien in ein Archiv (mit Prüfsummen). "
        "Ohne Pfad: BACKUP_DIR/kfi-<Datum>-<Uhrzeit>.tar.gz."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", nargs="?", help="Pfad der Sicherung (.tar.gz)")

    def handle(self, *args, archive=None, **options):
        if not archive:
            stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
            archive = settings.BACKUP_DIR / f"kfi-{stamp}.tar.gz"
        try:
            manifest = backup_site(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        media = len(manifest["sha256"]) - 1
        self.stdout.write(f"Gesichert: {archive} (Datenbank {manifest['vendor']}, {media} Dateien)")
