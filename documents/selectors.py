"""Reads of the documents app that its pages and other parts of the site use."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import F, ManyToManyRel, Prefetch

from .models import Category, Document, DocumentFile, DocumentVersion, file_for_language

# The Koordinierungsstelle page lists the published documents of this category.
OFFICE_REPORTS_CATEGORY = "integrationskonzept"
# The list shows this many documents per page.
DOCUMENTS_PER_PAGE = 50
# Relations that belong to a document itself and so do not count as a use of it.
INTERNAL_MODELS = frozenset({"documents.documentversion"})


def _with_files(queryset, *, prefix=""):
    files = DocumentFile.objects.order_by("language")
    return queryset.prefetch_related(Prefetch(f"{prefix}files", queryset=files))


def documents_for_display(queryset, *, language):
    """The documents with `display_file` set: the reader's language, else German.

    Two queries however many documents there are.
    """
    documents = list(
        _with_files(
            queryset.select_related("category", "current_version"), prefix="current_version__"
        )
    )
    for document in documents:
        files = document.current_version.files.all() if document.current_version else []
        document.display_file = file_for_language(files, language)
    return documents


def document_list(*, category=None, year=None, language, page=None):
    """Published documents grouped by category, in the editors' order: (page, [(category, docs)]).

    One page of DOCUMENTS_PER_PAGE documents; a category may continue on the next page.
    """
    queryset = Document.objects.published().order_by(
        "category__order", "category__pk", *Document._meta.ordering
    )
    if category:
        queryset = queryset.filter(category__slug=category)
    if year:
        queryset = queryset.filter(year=year)
    page = Paginator(queryset, DOCUMENTS_PER_PAGE).get_page(page)
    documents = documents_for_display(page.object_list, language=language)
    groups = {}
    for document in documents:
        groups.setdefault(document.category, []).append(document)
    return page, sorted(groups.items(), key=lambda item: (item[0].order, item[0].pk))


def filter_choices():
    """Categories and years that have published documents, for the filter form."""
    published = Document.objects.published()
    categories = Category.objects.filter(documents__in=published).distinct()
    years = published.exclude(year=None).order_by("-year").values_list("year", flat=True).distinct()
    return list(categories), list(years)


def document_detail(*, slug, language, also=None):
    """A published document (or the previewed one, `also`) with its files and earlier versions."""
    documents = documents_for_display(
        Document.objects.published(also=also).filter(slug=slug), language=language
    )
    if not documents:
        raise Document.DoesNotExist(slug)
    document = documents[0]
    document.other_files = [
        f
        for f in document.current_version.files.all()
        if f.language != document.display_file.language
    ]
    document.earlier_versions = []
    if document.show_earlier_versions:
        versions = _with_files(
            DocumentVersion.objects.filter(
                document=document, number__lt=document.current_version.number
            )
        ).order_by("-number")
        for version in versions:
            version.document = document
            version.display_file = file_for_language(version.files.all(), language)
            document.earlier_versions.append(version)
    return document


def published_version(*, slug, number):
    """An earlier version offered on the document's page, or DoesNotExist."""
    return _with_files(
        DocumentVersion.objects.select_related("document").filter(
            document__in=Document.objects.published().filter(show_earlier_versions=True),
            document__slug=slug,
            number=number,
            # Versions after the current one are those an editor rolled back from: withdrawn.
            number__lte=F("document__current_version__number"),
        )
    ).get()


def office_reports(*, language):
    """The published reports on the integration concept, as the office page lists them."""
    reports = Document.objects.published().filter(category__slug=OFFICE_REPORTS_CATEGORY)
    return documents_for_display(reports, language=language)


@dataclass(frozen=True)
class Usage:
    """Objects of one model that refer to a document."""

    model_name: str
    objects: list


def _usage_relations():
    for relation in Document._meta.related_objects:
        if relation.related_model._meta.label_lower in INTERNAL_MODELS:
            continue
        # A many-to-many with its own through model is found through that model's key.
        if isinstance(relation, ManyToManyRel) and not relation.through._meta.auto_created:
            continue
        yield relation


def document_usages(*, document, limit=50):
    """Where other content refers to the document, found through Django's relations.

    Any model of any app that points to Document with a foreign key or many-to-many
    counts, so new apps need no registration here. One query per such relation.
    """
    usages = []
    for relation in _usage_relations():
        model = relation.related_model
        objects = list(
            model._default_manager.filter(**{relation.field.name: document}).distinct()[:limit]
        )
        if objects:
            usages.append(Usage(model_name=str(model._meta.verbose_name_plural), objects=objects))
    return usages
