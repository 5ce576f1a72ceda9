"""Small but real PDF and DOCX files, written in code for the demo content.

The PDF writer knows just enough of the format (ISO 32000) for text pages in the
standard Helvetica font: every file it writes opens in any viewer and passes the
upload check like an editor's file would.
"""

import io
import textwrap
import zipfile
from xml.sax.saxutils import escape

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 64
AUTHOR = "Landkreis Leipzig – Koordinierungsstelle für Integration"


def _pdf_text(text):
    """A PDF string literal in WinAnsi (Windows-1252), the encoding of the standard fonts."""
    raw = text.encode("cp1252", "replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _pdf_unicode(text):
    return b"<feff" + text.encode("utf-16-be").hex().encode() + b">"


def _layout(title, sections):
    """Lines per page: (font, size, text) tuples, wrapped to the text width."""
    lines = [("F2", 20, line) for line in textwrap.wrap(title, 42)] + [("F1", 11, "")]
    for heading, paragraphs in sections:
        if heading:
            lines += [("F1", 11, ""), *(("F2", 14, h) for h in textwrap.wrap(heading, 60))]
        for paragraph in paragraphs:
            lines += [("F1", 11, line) for line in textwrap.wrap(paragraph, 88) or [""]]
            lines.append(("F1", 11, ""))
    pages, page, y = [], [], PAGE_HEIGHT - MARGIN
    for font, size, text in lines:
        leading = size * 1.45
        if y - leading < MARGIN + 30:
            pages.append(page)
            page, y = [], PAGE_HEIGHT - MARGIN
        y -= leading
        page.append((font, size, MARGIN, y, text))
    pages.append(page)
    return pages


def make_pdf(title, sections, *, language="de-DE", drawing=b""):
    """A text PDF: a title, then (heading, [paragraph, ...]) sections over as many pages as needed.

    `drawing` is an optional content stream of vector shapes for the first page.
    """
    pages = _layout(title, sections)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R /Lang " + _pdf_text(language) + b" >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        b"/Encoding /WinAnsiEncoding >>",
        5: b"<< /Title "
        + _pdf_unicode(title)
        + b" /Author "
        + _pdf_unicode(AUTHOR)
        + b" /Producer (KfI-Demo) >>",
    }
    kids = []
    for number, lines in enumerate(pages, start=1):
        stream = bytearray(drawing if number == 1 else b"")
        for font, size, x, y, text in lines:
            if text:
                stream += b"BT /%s %d Tf 1 0 0 1 %d %.1f Tm %s Tj ET\n" % (
                    font.encode(),
                    size,
                    x,
                    y,
                    _pdf_text(text),
                )
        footer = f"Seite {number} von {len(pages)}"
        stream += b"BT /F1 9 Tf 1 0 0 1 %d %d Tm %s Tj ET\n" % (
            MARGIN,
            MARGIN - 20,
            _pdf_text(footer),
        )
        page_id, content_id = 4 + number * 2, 5 + number * 2
        objects[content_id] = (
            b"<< /Length %d >>\nstream\n" % len(stream) + bytes(stream) + b"\nendstream"
        )
        objects[page_id] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>"
            % (PAGE_WIDTH, PAGE_HEIGHT, content_id)
        )
        kids.append(b"%d 0 R" % page_id)
    objects[2] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for object_id in sorted(objects):
        offsets[object_id] = out.tell()
        out.write(b"%d 0 obj\n" % object_id + objects[object_id] + b"\nendobj\n")
    xref = out.tell()
    size = max(objects) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for object_id in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets[object_id])
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    )
    return out.getvalue()


XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
OPC = "http://schemas.openxmlformats.org/package/2006"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006"
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCX_CONTENT_TYPES = (
    f'{XML_DECLARATION}<Types xmlns="{OPC}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{WORD_MAIN}"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
)
DOCX_RELATIONSHIPS = (
    f'{XML_DECLARATION}<Relationships xmlns="{OPC}/relationships">'
    f'<Relationship Id="rId1" Type="{OFFICE}/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{OPC}/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/></Relationships>'
)
DOCX_CORE = (
    f'{XML_DECLARATION}<cp:coreProperties xmlns:cp="{OPC}/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title>'
    "<dc:creator>{author}</dc:creator><dc:language>{language}</dc:language>"
    "</cp:coreProperties>"
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_paragraph(text, *, size=None, bold=False, language="de-DE"):
    properties = f'<w:lang w:val="{language}"/>'
    if bold:
        properties += "<w:b/>"
    if size:
        properties += f'<w:sz w:val="{size * 2}"/>'
    return (
        f"<w:p><w:r><w:rPr>{properties}</w:rPr>"
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'
    )


def make_docx(title, sections, *, language="de-DE"):
    """A Word document (WordprocessingML) with a title and (heading, [paragraph, ...]) sections.

    Form fields are paragraphs ending in a line to write on, as on a printed form.
    """
    body = [_docx_paragraph(title, size=16, bold=True, language=language)]
    for heading, paragraphs in sections:
        if heading:
            body.append(_docx_paragraph(heading, size=13, bold=True, language=language))
        body += [_docx_paragraph(p, language=language) for p in paragraphs]
    document = (
        f'{XML_DECLARATION}<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}'
        f'<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", DOCX_CONTENT_TYPES)
        package.writestr("_rels/.rels", DOCX_RELATIONSHIPS)
        package.writestr(
            "docProps/core.xml",
            DOCX_CORE.format(title=escape(title), author=escape(AUTHOR), language=language),
        )
        package.writestr("word/document.xml", document)
    return out.getvalue()
