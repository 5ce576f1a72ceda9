from django.core.management.base import BaseCommand

from documents.services import fill_missing_previews


class Command(BaseCommand):
    help = (
        "Erzeugt die Vorschaubilder von PDF-Dateien, die hochgeladen wurden, bevor Vorschauen "
        "beim Hochladen entstanden. Leser lösen das nie aus."
    )

    def handle(self, *args, **options):
        made = fill_missing_previews()
        self.stdout.write(f"Vorschaubilder erzeugt: {made}")
