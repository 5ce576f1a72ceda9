from django.conf import settings
from django.core.management.base import BaseCommand

from applications.services import applications_delete_past_retention


class Command(BaseCommand):
    help = (
        "Löscht abgeschlossene und abgelehnte Anträge mit allen personenbezogenen Daten, "
        "Anlagen und Historie, APPLICATION_RETENTION_MONTHS Monate nach dem Abschluss. "
        "Täglich ausführen (siehe README)."
    )

    def handle(self, *args, **options):
        count = applications_delete_past_retention()
        months = settings.APPLICATION_RETENTION_MONTHS
        self.stdout.write(
            f"{count} Anträge gelöscht (abgeschlossen vor mehr als {months} Monaten)."
        )
