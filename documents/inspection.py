"""Upload checks: what a file is, judged by its content and a real parse, never by its name.

Editors are trusted, files are not: a renamed program, a web page called .pdf or a
damaged export must be refused before anything is stored.
"""

import hashlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from xml.parsers import expat

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.formats import format_size

from .filetypes import FILE_TYPES
from .pdf import SandboxFailed, pdf_inspect

ALLOWED = ", ".join(file_type.label for file_type in FILE_TYPES.values())
# A zip whose parts unpack to far more than the limit is a zip bomb, not a form.
MAX_UNPACKED_FACTOR = 20
MAX_MANIFEST_BYTES = 1_000_000

# What the package itself declares: the main part's type (OOXML), the mimetype file (ODF).
OOXML_MAIN_TYPES = {
    f"{file_type.content_type}.main+xml": kind
    for kind, file_type in FILE_TYPES.items()
    if file_type.container == "ooxml"
}
ODF_MIMETYPES = {
    file_type.content_type: kind
    for kind, file_type in FILE_TYPES.items()
    if file_type.container == "odf"
}
CONTENT_TYPES_OVERRIDE = "http://schemas.openxmlformats.org/package/2006/content-types Override"
# Separators and a leading dot: a name that could climb directories or hide a file.
UNSAFE_NAME = re.compile(r"[/\\\x00]|^\.")


@dataclass(frozen=True)
class Inspection:
    """What the check found out about an acceptable upload."""

    original_name: str
    kind: str
    content_type: str
    size: int
    sha256: str
    page_count: int | None = None
    text: str = ""


def inspect_upload(upload, *, max_bytes=None):
    """Check an uploaded file and describe it, or raise ValidationError with a German message."""
    max_bytes = settings.DOCUMENT_MAX_UPLOAD_BYTES if max_bytes is None else max_bytes
    name = _check_name(upload.name or "")
    if not upload.size:
        raise ValidationError(_("Die Datei „%(name)s“ ist leer.") % {"name": name}, code="empty")
    if upload.size > max_bytes:
        raise ValidationError(
            _("Die Datei ist %(size)s groß. Erlaubt sind höchstens %(limit)s.")
            % {"size": format_size(upload.size), "limit": format_size(max_bytes)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        kind, details = "pdf", _parse_pdf(upload)
    elif head.startswith(b"PK\x03\x04"):
        kind, details = _parse_package(upload, name=name, max_bytes=max_bytes)
    else:
        raise _unknown_type(name, head)
    _check_extension(name, kind)
    return Inspection(
        original_name=name,
        kind=kind,
        content_type=FILE_TYPES[kind].content_type,
        size=upload.size,
        sha256=_sha256(upload),
        **details,
    )


def _check_name(name):
    name = unicodedata.normalize("NFC", name).strip()
    if (
        not name
        or len(name) > 200
        or UNSAFE_NAME.search(name)
        or any(unicodedata.category(char).startswith("C") for char in name)
    ):
        raise ValidationError(
            _(
                "Der Dateiname „%(name)s“ ist nicht erlaubt. Bitte benennen Sie die Datei um, "
                "zum Beispiel in „bericht-2024.pdf“."
            )
            % {"name": name[:80]},
            code="unsafe_name",
        )
    return name


def _extension(name):
    return name.rsplit(".", 1)[1].lower() if "." in name else ""


def _check_extension(name, kind):
    extension = _extension(name)
    if extension != kind:
        raise ValidationError(
            _(
                "Die Datei „%(name)s“ ist dem Inhalt nach eine %(type)s-Datei, ihr Name endet "
                "aber nicht auf „.%(extension)s“. Bitte benennen Sie sie passend um."
            )
            % {"name": name, "type": FILE_TYPES[kind].label, "extension": kind},
            code="extension_mismatch",
        )


def _unknown_type(name, head):
    if head.startswith((b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")):
        message = _(
            "Die Datei „%(name)s“ ist ein ausführbares Programm. Erlaubt sind nur %(allowed)s."
        )
    elif _extension(name) in FILE_TYPES:
        message = _(
            "Die Datei „%(name)s“ ist keine echte %(type)s-Datei, auch wenn ihr Name "
            "so endet. Erlaubt sind nur %(allowed)s."
        )
    else:
        message = _("Dateien wie „%(name)s“ sind nicht erlaubt. Erlaubt sind nur %(allowed)s.")
    label = FILE_TYPES[_extension(name)].label if _extension(name) in FILE_TYPES else ""
    return ValidationError(
        message % {"name": name, "type": label, "allowed": ALLOWED}, code="type_not_allowed"
    )


def _damaged(type_label):
    return ValidationError(
        _(
            "Die %(type)s-Datei ist beschädigt und lässt sich nicht öffnen. Bitte speichern oder "
            "exportieren Sie sie neu und laden Sie sie dann hoch."
        )
        % {"type": type_label},
        code="damaged",
    )


# What a refused PDF contains, in the editor's words.
ACTIVE_CONTENT = {
    "javascript": gettext_lazy("JavaScript"),
    "launch": gettext_lazy("Aktionen, die Programme starten oder Dateien laden"),
    "automatic_action": gettext_lazy("automatische Aktionen"),
    "open_action": gettext_lazy("eine Aktion beim Öffnen"),
    "rich_media": gettext_lazy("eingebettete Multimedia-Inhalte"),
}


def _parse_pdf(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        answer = pdf_inspect(data)
    except SandboxFailed:
        raise ValidationError(
            _(
                "Die PDF-Datei ließ sich nicht in %(seconds)s Sekunden prüfen, sie ist zu "
                "aufwendig aufgebaut. Bitte exportieren Sie sie neu, zum Beispiel über "
                "„Drucken als PDF“, und laden Sie sie dann hoch."
            )
            % {"seconds": number_format(settings.PDF_CHECK_SECONDS)},
            code="too_costly",
        ) from None
    error = answer.get("error")
    if error == "encrypted":
        raise ValidationError(
            _(
                "Die PDF-Datei ist verschlüsselt oder mit einem Passwort geschützt. Bitte "
                "laden Sie eine Fassung ohne Passwort und ohne Schutz hoch."
            ),
            code="encrypted",
        )
    if error == "too_many_pages":
        raise ValidationError(
            _(
                "Die PDF-Datei hat %(count)s Seiten. Erlaubt sind höchstens %(limit)s Seiten. "
                "Bitte teilen Sie das Dokument auf."
            )
            % {
                "count": number_format(answer["page_count"], force_grouping=True),
                "limit": number_format(settings.DOCUMENT_MAX_PDF_PAGES, force_grouping=True),
            },
            code="too_many_pages",
        )
    if error == "active_content":
        raise ValidationError(
            _(
                "Die PDF-Datei enthält %(found)s. Solche Inhalte können beim Öffnen von selbst "
                "etwas ausführen; wir veröffentlichen sie nicht. Bitte speichern Sie die Datei "
                "ohne sie neu, zum Beispiel über „Drucken als PDF“ oder als PDF/A."
            )
            % {"found": ", ".join(str(ACTIVE_CONTENT[key]) for key in answer["found"])},
            code="active_content",
        )
    if error:
        raise _damaged("PDF")
    return {"page_count": answer["page_count"], "text": answer["text"]}


def pdf_text(stream):
    """The text inside a stored PDF, for files uploaded before the text was kept; "" if none."""
    try:
        return _parse_pdf(stream)["text"]
    except ValidationError:
        return ""


def _parse_package(upload, *, name, max_bytes):
    """DOCX and XLSX (Office Open XML) or ODT and ODS (OpenDocument): zip packages."""
    claimed = FILE_TYPES.get(_extension(name))
    label = claimed.label if claimed else "ZIP"
    try:
        with zipfile.ZipFile(upload) as package:
            infos = package.infolist()
            if sum(info.file_size for info in infos) > max_bytes * MAX_UNPACKED_FACTOR:
                raise _damaged(label)
            names = {info.filename for info in infos}
            if "[Content_Types].xml" in names:
                kind, main_part = _ooxml_kind(package)
            elif "mimetype" in names:
                kind, main_part = _odf_kind(package), "content.xml"
            else:
                kind, main_part = None, None
            if kind is None:
                raise ValidationError(
                    _("Diese Art von ZIP-Datei ist nicht erlaubt. Erlaubt sind nur %(allowed)s.")
                    % {"allowed": ALLOWED},
                    code="type_not_allowed",
                )
            if main_part not in names:
                raise _damaged(FILE_TYPES[kind].label)
            _check_xml(package, main_part, kind)
    except ValidationError:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        KeyError,
        ValueError,
        NotImplementedError,
        expat.ExpatError,
    ) as error:
        raise _damaged(label) from error
    finally:
        upload.seek(0)
    return kind, {}


def _read_small(package, name):
    if package.getinfo(name).file_size > MAX_MANIFEST_BYTES:
        raise ValueError(f"{name} is too large for a manifest")
    return package.read(name)


def _ooxml_kind(package):
    overrides = []

    def start(name, attributes):
        if name == CONTENT_TYPES_OVERRIDE:
            overrides.append(attributes)

    _parse_xml(_read_small(package, "[Content_Types].xml"), start=start)
    for override in overrides:
        kind = OOXML_MAIN_TYPES.get(override.get("ContentType", ""))
        if kind:
            return kind, override.get("PartName", "").lstrip("/")
    # Macro-enabled documents (DOCM, XLSM) and other packages end up here.
    return None, None


def _odf_kind(package):
    mimetype = _read_small(package, "mimetype").decode("ascii", "replace").strip()
    return ODF_MIMETYPES.get(mimetype)


def _check_xml(package, name, kind):
    """Parse the main part completely: the zip's checksums and the XML must both be sound."""
    with package.open(name) as stream:
        _parse_xml(stream)


def _refuse_dtd(*args):
    # Office files never need a DTD; entity tricks (billion laughs, external files) do.
    raise ValueError("XML with a document type declaration")


def _parse_xml(source, *, start=None):
    """Check XML for well-formedness with expat, refusing any DTD or entity."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.ExternalEntityRefHandler = _refuse_dtd
    if start:
        parser.StartElementHandler = start
    if isinstance(source, bytes):
        parser.Parse(source, True)
    else:
        parser.ParseFile(source)


def _sha256(upload):
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()
