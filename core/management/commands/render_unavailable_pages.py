from django.core.management.base import BaseCommand, CommandError

from core import unavailable


class Command(BaseCommand):
    help = (
        "Schreibt die Seiten, die nginx zeigt, wenn keine Instanz der Website antwortet "
        "(static/errors/unavailable.<Sprache>.html), aus ihrer Vorlage und den Übersetzungen. "
        "Nach jeder Änderung an beiden ausführen; mit --check nur prüfen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Nur prüfen, ob die Seiten aktuell sind."
        )

    def handle(self, *args, check=False, **options):
        stale = unavailable.stale_pages()
        if check:
            if stale:
                names = ", ".join(path.name for path in stale)
                raise CommandError(f"Nicht aktuell: {names}. Bitte ohne --check ausführen.")
            self.stdout.write("Alle Seiten sind aktuell.")
            return
        for path in stale:
            unavailable.write(path)
        self.stdout.write(f"{len(stale)} Seiten neu geschrieben.")
