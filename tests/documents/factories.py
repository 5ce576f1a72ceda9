import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from documents.models import Category, Document
from documents.services import version_create

from . import files


class CategoryFactory(DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    title_de = factory.Sequence(lambda n: f"Kategorie {n}")
    slug = factory.Sequence(lambda n: f"kategorie-{n}")


class DocumentFactory(DjangoModelFactory):
    """A published document with a German PDF; `files={"en": ("x.pdf", data)}` for others."""

    class Meta:
        model = Document
        skip_postgeneration_save = True

    title_de = factory.Sequence(lambda n: f"Dokument {n}")
    slug = factory.Sequence(lambda n: f"dokument-{n}")
    category = factory.SubFactory(CategoryFactory)
    # This year, so a new version uploaded in a test fits it unless the test says otherwise.
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    is_published = True

    @factory.post_generation
    def files(document, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        for language, (name, data) in (extracted or {"de": ("dokument.pdf", files.pdf())}).items():
            version_create(
                document=document, upload=ContentFile(data, name=name), language=language
            )
        document.refresh_from_db()
