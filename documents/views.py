from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.downloads import offloaded_response, serve_stored_file
from core.languages import current_language
from core.publication import preview_pk
from translations.fallback import breadcrumb

from . import selectors
from .forms import DocumentFilterForm
from .models import Document, DocumentVersion, file_for_language

# Earlier versions never change, so caches may keep them for a day without asking.
EARLIER_VERSION_MAX_AGE = 24 * 60 * 60


@require_safe
def index(request):
    categories, years = selectors.filter_choices()
    form = DocumentFilterForm(request.GET or None, categories=categories, years=years)
    filters = form.filters()
    page, groups = selectors.document_list(
        category=filters.get("kategorie"),
        year=filters.get("jahr"),
        language=current_language(),
        page=request.GET.get("page"),
    )
    return render(
        request,
        "documents/index.html",
        {
            "form": form,
            "groups": groups,
            "count": page.paginator.count,
            "page_obj": page,
            "is_filtered": bool(filters),
            "breadcrumbs": [{"label": _("Dokumente")}],
        },
    )


@require_safe
def detail(request, slug):
    try:
        document = selectors.document_detail(
            slug=slug, language=current_language(), also=preview_pk(request, Document)
        )
    except Document.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "documents/detail.html",
        {
            "document": document,
            "breadcrumbs": [
                {"label": _("Dokumente"), "url": reverse("documents:index")},
                breadcrumb(document),
            ],
        },
    )


def _offered_file(slug):
    """The published document and the file its stable address serves to this reader."""
    try:
        document = (
            Document.objects.published()
            .select_related("current_version")
            .prefetch_related("current_version__files")
            .get(slug=slug)
        )
    except Document.DoesNotExist:
        raise Http404 from None
    return document, file_for_language(document.current_version.files.all(), current_language())


def _serve(request, document, document_file, *, last_modified, version_number=None, max_age=0):
    """A public file: offloaded when the settings say so, else streamed by Python."""
    headers = {
        "content_type": document_file.content_type,
        "filename": document_file.download_name(document, version_number=version_number),
        "inline": document_file.kind == document_file.Kind.PDF,
        "max_age": max_age,
    }
    offloaded = offloaded_response(document_file.file, **headers)
    if offloaded is not None:
        return offloaded
    return serve_stored_file(
        request,
        document_file.file,
        size=document_file.size,
        etag=document_file.sha256,
        last_modified=last_modified,
        **headers,
    )


@require_safe
def download(request, slug):
    """The stable address: always the current version, in the reader's language if it exists."""
    return serve_offered(request, *offered_download(slug))


def offered_download(slug):
    """(document, file, last modified) the stable address serves in the active language.

    documents.fastpath remembers the answer until the content changes.
    """
    document, document_file = _offered_file(slug)
    return document, document_file, document.current_since or document.current_version.created_at


def serve_offered(request, document, document_file, last_modified):
    return _serve(request, document, document_file, last_modified=last_modified)


@require_safe
def version_download(request, slug, number):
    """An earlier version, offered only when the editors show earlier versions."""
    try:
        version = selectors.published_version(slug=slug, number=number)
    except DocumentVersion.DoesNotExist:
        raise Http404 from None
    document_file = file_for_language(version.files.all(), current_language())
    return _serve(
        request,
        version.document,
        document_file,
        last_modified=version.created_at,
        version_number=version.number,
        max_age=EARLIER_VERSION_MAX_AGE,
    )


@require_safe
def preview(request, slug):
    """The first page of the offered PDF as an image, made when the editor uploaded it."""
    _document, document_file = _offered_file(slug)
    image = document_file.preview
    if not image:
        raise Http404
    return serve_stored_file(
        request,
        image,
        size=image.size,
        etag=image.name.rsplit("/", 1)[-1].split(".")[0],
        last_modified=document_file.created_at,
        content_type="image/png",
    )
