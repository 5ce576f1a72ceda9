"""Write the demo content's translation catalogues (for translators) from the database."""

from django.core.management.base import BaseCommand

from demo.catalogues import CATALOGUES, write_catalogues


class Command(BaseCommand):
    help = (
        "Schreibt demo/translations/<sprache>.po aus den Demo-Inhalten "
        "der Datenbank (vorher load_demo ausführen). Vorhandene Übersetzungen bleiben."
    )

    def handle(self, *args, **options):
        write_catalogues()
        self.stdout.write(f"Kataloge geschrieben: {CATALOGUES.name}/")
