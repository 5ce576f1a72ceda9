"""Test files built in memory: the allowed types and the ones an upload must refuse."""

import io
import itertools
import random
import zipfile

import pypdf

from demo.files import make_docx, make_pdf

_counter = itertools.count(1)


def pdf(text=None, *, pages=1):
    """A valid PDF; each call differs unless the same text is given."""
    text = text or f"Testdokument {next(_counter)}"
    sections = [(f"Abschnitt {n}", [text] * (40 if pages > 1 else 1)) for n in range(pages)]
    data = make_pdf(text, sections)
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) >= pages
    return data


def pdf_of_size(size):
    """A valid PDF of about `size` bytes: random (incompressible) data as an attachment."""
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf("Großer Bericht")))
    # Seeded for a stable size; nothing here needs cryptographic randomness.
    filler = random.Random(size).randbytes(size - 1500)  # noqa: S311
    writer.add_attachment("anhang.bin", filler)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf(user_password="geheim"):  # noqa: S107 - a test file's password
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(pdf()))
    writer.encrypt(user_password=user_password, owner_password="besitzer")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated_pdf():
    data = pdf(pages=3)
    return data[: len(data) // 2]


def docx(text=None):
    return make_docx(text or f"Formular {next(_counter)}", [("Angaben", ["Name: ______"])])


def _zip(entries, *, first_stored=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        if first_stored:
            package.writestr(zipfile.ZipInfo(first_stored[0]), first_stored[1])
        for name, content in entries.items():
            package.writestr(name, content)
    return out.getvalue()


SPREADSHEET_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MACRO_WORD_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def _ooxml(main_type, part, xml):
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{main_type}"/></Types>'
    )
    return _zip({"[Content_Types].xml": content_types, part: xml})


def xlsx():
    return _ooxml(
        SPREADSHEET_MAIN,
        "xl/workbook.xml",
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<sheets><sheet name="Tabelle {next(_counter)}" sheetId="1"/></sheets>'
        "</workbook>",
    )


def docm():
    return _ooxml(
        MACRO_WORD_MAIN,
        "word/document.xml",
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
        '2006/main"><w:body/></w:document>',
    )


def _odf(mimetype):
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
        f'office:1.0"><office:body>{next(_counter)}</office:body>'
        "</office:document-content>"
    )
    return _zip(
        {"content.xml": content, "META-INF/manifest.xml": "<manifest/>"},
        first_stored=("mimetype", mimetype),
    )


def odt():
    return _odf("application/vnd.oasis.opendocument.text")


def ods():
    return _odf("application/vnd.oasis.opendocument.spreadsheet")


def executable():
    """The start of a Windows program, as a renamed .exe would begin."""
    return b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56 + b"This program cannot be run in DOS mode."


def html_page():
    return b"<!DOCTYPE html><html><body><script>alert('x')</script></body></html>"
