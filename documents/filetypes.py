"""The file types the office may publish."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileType:
    kind: str
    label: str
    content_type: str
    # Spelled out in <abbr title>; proper names stay untranslated.
    long_name: str | Promise
    # The zip package an office format is: "ooxml" (Word, Excel) or "odf" (OpenDocument).
    container: str = ""


FILE_TYPES = {
    file_type.kind: file_type
    for file_type in (
        FileType("pdf", "PDF", "application/pdf", "Portable Document Format"),
        FileType(
            "docx",
            "DOCX",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _("Word-Dokument"),
            "ooxml",
        ),
        FileType(
            "xlsx",
            "XLSX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _("Excel-Tabelle"),
            "ooxml",
        ),
        FileType(
            "odt",
            "ODT",
            "application/vnd.oasis.opendocument.text",
            _("OpenDocument-Textdokument"),
            "odf",
        ),
        FileType(
            "ods",
            "ODS",
            "application/vnd.oasis.opendocument.spreadsheet",
            _("OpenDocument-Tabelle"),
            "odf",
        ),
    )
}
