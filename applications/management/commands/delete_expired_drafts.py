from django.conf import settings
from django.core.management.base import BaseCommand

from applications.services import drafts_delete_expired


class Command(BaseCommand):
    help = (
        "Löscht Antragsentwürfe, die länger als APPLICATION_DRAFT_DAYS Tage nicht geändert "
        "wurden, mit ihren Anlagen. Täglich ausführen (siehe README)."
    )

    def handle(self, *args, **options):
        count = drafts_delete_expired()
        self.stdout.write(
            f"{count} Entwürfe gelöscht (älter als {settings.APPLICATION_DRAFT_AGE.days} Tage)."
        )
