"""Load the demo content of every app from demo/content/; running it again changes nothing."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from core.editors import EDITOR_GROUP
from core.history import revision
from demo.catalogues import fill_missing
from demo.loaders import contacts, documents, microprojects, pages

DEMO_EDITOR = "redaktion"
# Later apps refer to what earlier ones created (a funding programme names its contacts).
LOAD_ORDER = (
    ("pages", pages),
    ("contacts", contacts),
    ("documents", documents),
    ("microprojects", microprojects),
)


class Command(BaseCommand):
    help = "Lädt die Demo-Inhalte (Seiten, Hinweise, Ansprechpersonen, Dokumente, Mikroprojekte)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--editor-password",
            help="Legt außerdem das Demo-Redaktionskonto „redaktion“ mit diesem Passwort an.",
        )

    @transaction.atomic
    def handle(self, *args, editor_password=None, **options):
        # One revision for what this run saved; a run that saves nothing records none.
        with revision("Demo-Inhalte geladen"):
            for label, loader in LOAD_ORDER:
                created = loader.load()
                name = apps.get_app_config(label).verbose_name
                self.stdout.write(f"{name}: {created} neu angelegt")
            filled = fill_missing()
        self.stdout.write(f"Übersetzungen der Demo-Inhalte: {filled} ergänzt")
        if editor_password:
            self._ensure_editor(editor_password)

    def _ensure_editor(self, password):
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_EDITOR,
            defaults={"is_staff": True, "first_name": "Demo", "last_name": "Redaktion"},
        )
        if created:
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=EDITOR_GROUP))
            self.stdout.write(f"Demo-Redaktionskonto „{DEMO_EDITOR}“ angelegt")
