"""Writes of the documents app: new versions, the current-version pointer, deletion, previews."""

import io
import logging
import threading
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from .inspection import inspect_upload
from .models import Document, DocumentFile, DocumentVersion
from .selectors import document_usages

logger = logging.getLogger(__name__)
PREVIEW_WIDTH = 360
# PDFium is not thread-safe; one render at a time per process.
_pdfium_lock = threading.Lock()


@dataclass(frozen=True)
class UploadOutcome:
    """What an upload did: the new version, or why none was needed."""

    version: DocumentVersion | None
    # Set when the file equals one the document already had (same SHA-256).
    identical_to: DocumentVersion | None = None


def version_create(
    *,
    document,
    upload,
    language,
    uploaded_by=None,
    keep_other_languages=True,
    note="",
    inspection=None,
):
    """Add an uploaded file as a new version and make it current.

    Nothing changes when the upload is refused (ValidationError) or when it is the very
    file the current version already offers in that language.
    """
    inspection = inspection or inspect_upload(upload)
    with transaction.atomic():
        # Lock the row so two editors uploading at once get consecutive numbers.
        document = Document.objects.select_for_update().get(pk=document.pk)
        current_files = (
            list(document.current_version.files.all()) if document.current_version else []
        )
        same = [
            f for f in current_files if f.language == language and f.sha256 == inspection.sha256
        ]
        if same:
            return UploadOutcome(version=None, identical_to=document.current_version)
        earlier = (
            DocumentFile.objects.filter(version__document=document, sha256=inspection.sha256)
            .select_related("version")
            .order_by("-version__number")
            .first()
        )
        now = timezone.now()
        number = (document.versions.aggregate(highest=Max("number"))["highest"] or 0) + 1
        version = DocumentVersion.objects.create(
            document=document,
            number=number,
            created_at=now,
            uploaded_by=uploaded_by,
            note=note,
        )
        new_file = DocumentFile(
            version=version,
            language=language,
            original_name=inspection.original_name,
            kind=inspection.kind,
            content_type=inspection.content_type,
            size=inspection.size,
            page_count=inspection.page_count,
            sha256=inspection.sha256,
            text=inspection.text,
            created_at=now,
        )
        if earlier:
            # The same bytes are stored already: point to them instead of a second copy.
            new_file.file.name = earlier.file.name
            new_file.preview.name = earlier.preview.name
        else:
            upload.seek(0)
            new_file.file.save(inspection.original_name, upload, save=False)
        new_file.save()
        if keep_other_languages:
            for kept in current_files:
                if kept.language != language:
                    kept.pk = None
                    kept.version = version
                    kept.save()
        _make_current(document, version, now)
    return UploadOutcome(version=version, identical_to=earlier.version if earlier else None)


def document_set_current_version(*, document, version):
    """Offer an earlier (or later) version under the stable address: the editor's rollback."""
    if version.document_id != document.pk:
        raise ValidationError(_("Diese Fassung gehört zu einem anderen Dokument."))
    if document.current_version_id != version.pk:
        _make_current(document, version, timezone.now())


def _make_current(document, version, when):
    document.current_version = version
    # Last-Modified of the stable address: the moment its content changed, even to an older file.
    document.current_since = when
    document.save(update_fields=["current_version", "current_since", "updated_at"])


class DocumentInUse(Exception):
    """Raised when a document that other content refers to is to be deleted."""

    def __init__(self, usages):
        super().__init__("document is still in use")
        self.usages = usages


def document_delete(*, document):
    """Delete an unused document with all its versions and their stored files."""
    usages = document_usages(document=document)
    if usages:
        raise DocumentInUse(usages)
    stored = set()
    for document_file in DocumentFile.objects.filter(version__document=document):
        stored.update(
            name for name in (document_file.file.name, document_file.preview.name) if name
        )
    storage = DocumentFile._meta.get_field("file").storage
    with transaction.atomic():
        document.delete()
        # Files go only once the rows are gone for good; a rollback keeps both.
        transaction.on_commit(lambda: [storage.delete(name) for name in sorted(stored)])


def preview_for(document_file):
    """The stored PNG of the file's first page, rendered on first use and kept."""
    if document_file.preview:
        return document_file.preview
    if document_file.kind != DocumentFile.Kind.PDF:
        return None
    with document_file.file.open("rb") as stream:
        data = stream.read()
    try:
        png = _render_first_page(data)
    except Exception:  # noqa: BLE001 - PDFium's errors vary; a missing preview is no outage
        logger.exception("Vorschau für %s ließ sich nicht erzeugen", document_file.file.name)
        return None
    document_file.preview.save(f"{uuid.uuid4().hex}.png", ContentFile(png), save=False)
    # Every file row sharing the stored PDF (carried-over languages, re-uploads) shares it.
    DocumentFile.objects.filter(file=document_file.file.name, preview="").update(
        preview=document_file.preview.name
    )
    return document_file.preview


def _render_first_page(data):
    import pypdfium2

    with _pdfium_lock:
        pdf = pypdfium2.PdfDocument(data)
        try:
            page = pdf[0]
            bitmap = page.render(scale=PREVIEW_WIDTH / page.get_width())
            image = bitmap.to_pil()
        finally:
            pdf.close()
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
