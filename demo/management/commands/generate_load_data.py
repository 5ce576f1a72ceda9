"""Lots of generated content, to measure the site at the size it may one day have.

At scale 1: 1,000 people, 200 villages (Ortsteile), 10,000 documents and 5,000 funded
projects, with texts in all languages. Rows are written with bulk_create (the page cache
sees those writes as well, see core.pagecache). All document files share one small stored PDF.
"""

import hashlib
import itertools
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from contacts.models import Locality, Municipality, Person, Team
from core.languages import language_codes
from demo.files import make_pdf
from documents.models import Category, Document, DocumentFile, DocumentVersion
from microprojects.models import FundedProject

PREFIX = "last"
SIZES = {"people": 1000, "villages": 200, "documents": 10000, "projects": 5000}
BATCH = 1000


def _texts(field, text):
    """The same text in every site language, marked with the language code."""
    return {f"{field}_{code}": f"{text} ({code})" for code in language_codes()}


class Command(BaseCommand):
    help = (
        "Erzeugt viele Inhalte für Lasttests: 1.000 Personen, 200 Ortsteile, "
        "10.000 Dokumente und 5.000 geförderte Projekte (bei --scale 1)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Anteil der vollen Menge, z. B. 0.05 für ein Zwanzigstel.",
        )

    @transaction.atomic
    def handle(self, *args, scale=1.0, **options):
        if scale <= 0:
            raise CommandError("--scale muss größer als 0 sein.")
        if Person.objects.filter(slug__startswith=f"{PREFIX}-").exists():
            raise CommandError("Die Lastdaten sind schon angelegt.")
        counts = {name: max(1, round(size * scale)) for name, size in SIZES.items()}
        self.random = random.Random(13)  # noqa: S311 - test data, not secrets
        towns = list(Municipality.objects.all()) or [
            Municipality.objects.create(name=f"Lastort {n}", kind="gemeinde") for n in range(10)
        ]
        self._villages(towns, counts["villages"])
        self._people(towns, counts["people"])
        self._documents(counts["documents"])
        self._projects(towns, counts["projects"])
        for name, count in counts.items():
            label = {
                "people": "Personen",
                "villages": "Ortsteile",
                "documents": "Dokumente",
                "projects": "geförderte Projekte",
            }[name]
            self.stdout.write(f"{label}: {count} angelegt")

    def _villages(self, towns, count):
        Locality.objects.bulk_create(
            Locality(
                municipality=towns[n % len(towns)],
                name=f"Lastdorf {n}",
                postal_codes=[f"04{n % 1000:03d}"],
            )
            for n in range(count)
        )

    def _people(self, towns, count):
        # Not in the general contacts' team: the start page names those few people.
        teams = list(Team.objects.filter(is_general_contact=False)) or [None]
        people = [
            Person(
                first_name=f"Vorname{n}",
                last_name=f"Nachname{n}",
                slug=f"{PREFIX}-person-{n}",
                email=f"person{n}@example.org",
                team=teams[n % len(teams)],
                order=n % 100,
                **_texts("job_title", f"Beratung {n}"),
                **_texts("consultation_hours", "Dienstag 9–12 Uhr"),
            )
            for n in range(count)
        ]
        Person.objects.bulk_create(people, batch_size=BATCH)
        link = Person.municipalities.through
        link.objects.bulk_create(
            (
                link(person_id=person.pk, municipality_id=towns[(n + k) % len(towns)].pk)
                for n, person in enumerate(people)
                for k in range(2)
            ),
            batch_size=BATCH,
            ignore_conflicts=True,
        )

    def _documents(self, count):
        category, _created = Category.objects.get_or_create(
            slug=f"{PREFIX}-kategorie", defaults=_texts("title", "Lastdaten")
        )
        data = make_pdf("Lastdaten", [("Inhalt", "Eine kleine Datei für viele Dokumente.")])
        storage = DocumentFile._meta.get_field("file").storage
        name = storage.save("documents/lastdaten.pdf", ContentFile(data))
        now = timezone.now()
        for start in range(0, count, BATCH):
            numbers = range(start, min(count, start + BATCH))
            documents = Document.objects.bulk_create(
                Document(
                    slug=f"{PREFIX}-dokument-{n}",
                    category=category,
                    year=2000 + n % 26,
                    is_published=True,
                    order=n % 50,
                    **_texts("title", f"Merkblatt {n}"),
                    **_texts("description", f"<p>Beschreibung {n}</p>"),
                )
                for n in numbers
            )
            versions = DocumentVersion.objects.bulk_create(
                DocumentVersion(document=document, number=1, created_at=now)
                for document in documents
            )
            DocumentFile.objects.bulk_create(
                DocumentFile(
                    version=version,
                    language="de",
                    file=name,
                    original_name="lastdaten.pdf",
                    kind="pdf",
                    content_type="application/pdf",
                    size=len(data),
                    page_count=1,
                    sha256=hashlib.sha256(data).hexdigest(),
                    created_at=now,
                )
                for version in versions
            )
        # Each document offers its first version: one statement for all of them.
        first = DocumentVersion.objects.filter(document=OuterRef("pk"), number=1).values("pk")
        Document.objects.filter(slug__startswith=f"{PREFIX}-", current_version=None).update(
            current_version=Subquery(first[:1]), current_since=now
        )

    def _projects(self, towns, count):
        categories = itertools.cycle(FundedProject.Category.values)
        FundedProject.objects.bulk_create(
            (
                FundedProject(
                    year=2015 + n % 11,
                    organisation=f"Verein {n % 300}",
                    municipality=towns[n % len(towns)],
                    category=next(categories),
                    amount=Decimal(self.random.randint(100, 5000)),
                    **_texts("title", f"Projekt {n}"),
                    **_texts("description", "Ein Treffen für alle."),
                )
                for n in range(count)
            ),
            batch_size=BATCH,
        )
