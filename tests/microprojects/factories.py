"""Factories for the microprojects app, with minimal contacts and documents of its own."""

from decimal import Decimal

import factory
from django.utils import timezone

from contacts.models import Municipality, Person
from documents.models import Category, Document, DocumentFile, DocumentVersion
from microprojects.models import FundedProject, FundingProgramme, Step, StepDocument


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Musterstadt {n}")
    kind = Municipality.Kind.TOWN


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    salutation = Person.Salutation.MS
    last_name = factory.Sequence(lambda n: f"Beraterin{n}")
    slug = factory.Sequence(lambda n: f"beraterin-{n}")
    job_title = "Kommunale Integrationskoordinatorin"
    email = "integrationshilfe@lk-l.de"


class DocumentCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    title = "Formulare"
    slug = "formulare"


class DocumentFactory(factory.django.DjangoModelFactory):
    """A published form with one German PDF; `is_published=False` hides it."""

    class Meta:
        model = Document
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Formular {n}")
    slug = factory.Sequence(lambda n: f"formular-{n}")
    category = factory.SubFactory(DocumentCategoryFactory)
    is_published = True

    @factory.post_generation
    def with_file(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        now = timezone.now()
        version = DocumentVersion.objects.create(document=self, number=1, created_at=now)
        DocumentFile.objects.create(
            version=version,
            language="de",
            file=f"documents/files/{self.slug}.pdf",
            original_name=f"{self.slug}.pdf",
            kind=DocumentFile.Kind.PDF,
            content_type="application/pdf",
            size=31_000,
            sha256="0" * 64,
            created_at=now,
        )
        self.current_version = version
        self.save(update_fields=["current_version"])


class FundingProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingProgramme
        django_get_or_create = ("slug",)

    title_de = "Mikroprojekte Integration"
    title_en = "Integration micro-projects"
    slug = "mikroprojekte-integration"
    summary_de = "Förderung für kleine Integrationsprojekte."
    status = FundingProgramme.Status.OPEN
    eligible_applicants_de = "Ehrenamtliche Initiativen\nVereine"
    funded_areas_de = "Spracherwerb\nOrientierung"
    example_projects_de = "Sprachcafé\nNachbarschaftsfest"
    max_amount_per_project = Decimal("5000")
    max_amount_per_language_course = Decimal("1000")
    deadline_day = 31
    deadline_month = 10
    submission_email = "mikroprojekte-kfi@lk-l.de"
    submission_subject = "Antrag Mikroprojekt"
    legal_basis_de = "<p>KomIntAVO</p>"
    co_financing_note_de = "<p>Mitfinanziert mit Steuermitteln.</p>"


class StepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Step

    programme = factory.SubFactory(FundingProgrammeFactory)
    order = factory.Sequence(lambda n: n + 1)
    title_de = factory.Sequence(lambda n: f"Schritt {n}")
    explanation_de = "<p>Was zu tun ist.</p>"


class StepDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StepDocument

    step = factory.SubFactory(StepFactory)
    document = factory.SubFactory(DocumentFactory)
    order = factory.Sequence(lambda n: n)


class FundedProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundedProject

    year = 2024
    title_de = factory.Sequence(lambda n: f"Projekt {n}")
    organisation = factory.Sequence(lambda n: f"Verein {n}")
    municipality = factory.SubFactory(MunicipalityFactory)
    category = FundedProject.Category.ENCOUNTER
    amount = Decimal("1000.00")
    description_de = "Kurz erklärt."
    is_published = True
