"""Writes of the documents app: new versions, the current-version pointer, deletion, previews."""

import logging
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
from .pdf import pdf_first_page_png
from .selectors import document_usages

logger = logging.getLogger(__name__)


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
            new_file.has_no_preview = earlier.has_no_preview
        else:
            upload.seek(0)
            new_file.file.save(inspection.original_name, upload, save=False)
            if new_file.kind == DocumentFile.Kind.PDF:
                upload.seek(0)
                _attach_preview(new_file, upload.read())
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


def fill_missing_pdf_text():
    """Read the text of stored PDFs that have none (uploaded before it was kept); returns how many
    files gained text. Files whose PDF holds no text (a scan) stay empty."""
    from .inspection import pdf_text

    filled = 0
    for document_file in DocumentFile.objects.filter(kind=DocumentFile.Kind.PDF, text=""):
        try:
            with document_file.file.open("rb") as stream:
                text = pdf_text(stream)
        except OSError:
            logger.warning("PDF %s fehlt im Speicher", document_file.file.name)
            continue
        if text:
            DocumentFile.objects.filter(pk=document_file.pk).update(text=text)
            filled += 1
    return filled


def fill_missing_previews():
    """Render the previews of stored PDFs that have none (uploaded before previews were made
    at upload); returns how many were made. Files that cannot be previewed are marked."""
    made = 0
    missing = DocumentFile.objects.filter(
        kind=DocumentFile.Kind.PDF, preview="", has_no_preview=False
    )
    for document_file in missing:
        try:
            with document_file.file.open("rb") as stream:
                data = stream.read()
        except OSError:
            logger.warning("PDF %s fehlt im Speicher", document_file.file.name)
            continue
        _attach_preview(document_file, data)
        # Every file row sharing the stored PDF (carried-over languages, re-uploads) shares it.
        DocumentFile.objects.filter(file=document_file.file.name, preview="").update(
            preview=document_file.preview.name, has_no_preview=document_file.has_no_preview
        )
        made += bool(document_file.preview)
    return made


def _attach_preview(document_file, data):
    """Store the first page as an image on the (unsaved) file, or mark it as having none."""
    png = _render_first_page(data)
    if png is None:
        logger.warning("Keine Vorschau für %s: außerhalb der Grenzen", document_file.file.name)
        document_file.has_no_preview = True
        return
    document_file.preview.save(f"{uuid.uuid4().hex}.png", ContentFile(png), save=False)


def _render_first_page(data):
    return pdf_first_page_png(data)
