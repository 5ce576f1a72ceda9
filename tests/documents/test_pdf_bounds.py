"""Hostile PDFs: previews within fixed bounds, made at upload; active content, page bombs and
text bombs refused or cut short, within a deadline."""

import io
import re
import time

import pypdf
import pytest
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from documents import services
from documents.models import Document, DocumentFile

from . import files
from .admin_forms import add_document
from .factories import DocumentFactory

pytestmark = pytest.mark.django_db


def _name(value):
    return NameObject(value)


def _write(writer):
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _pdf_with_page(width, height):
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=width, height=height)
    return _write(writer)


def _add(client, name, data):
    return add_document(client, data, name=name)


def _errors(response):
    return " ".join(
        re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode())
    )


# --- previews -------------------------------------------------------------------------


def test_preview_is_made_at_upload_and_no_reader_request_renders(client, monkeypatch):
    DocumentFactory(slug="bericht")
    stored = DocumentFile.objects.get()
    assert stored.preview.name.startswith("documents/previews/")
    assert not stored.has_no_preview

    def fail(data):
        raise AssertionError("a reader's request rendered a preview")

    monkeypatch.setattr(services, "_render_first_page", fail)
    first = client.get("/de/dokumente/bericht/vorschau.png")
    assert first.status_code == 200
    assert first["Content-Type"] == "image/png"
    assert b"".join(first.streaming_content).startswith(b"\x89PNG\r\n\x1a\n")
    again = client.get(
        "/de/dokumente/bericht/vorschau.png", headers={"if-none-match": first["ETag"]}
    )
    assert again.status_code == 304
    assert (
        'src="/de/dokumente/bericht/vorschau.png"'
        in client.get("/de/dokumente/bericht/").content.decode()
    )


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (10, 842),  # 7.7 s and 2 GB on the first request before
        (1, 842),  # a 7.5 GB bitmap before
        (100, 14_400),  # inside the page size, but 51 million pixels at 360 wide
        (14_400, 30),  # a strip: too short
    ],
)
def test_page_out_of_bounds_gets_no_preview_remembered_and_never_retried(
    client, monkeypatch, width, height
):
    started = time.monotonic()
    DocumentFactory(slug="schmal", files={"de": ("schmal.pdf", _pdf_with_page(width, height))})
    assert time.monotonic() - started < 5
    stored = DocumentFile.objects.get()
    assert stored.has_no_preview
    assert not stored.preview

    def fail(data):
        raise AssertionError("a reader's request tried the preview again")

    monkeypatch.setattr(services, "_render_first_page", fail)
    page = client.get("/de/dokumente/schmal/").content.decode()
    assert "vorschau.png" not in page
    assert client.get("/de/dokumente/schmal/vorschau.png").status_code == 404
    assert client.get("/de/dokumente/schmal/download/").status_code == 200


def test_a_pdf_that_cannot_be_rendered_has_no_preview_but_still_downloads(client, monkeypatch):
    monkeypatch.setattr(services, "_render_first_page", lambda data: None)
    DocumentFactory(slug="bericht")
    assert DocumentFile.objects.get().has_no_preview
    assert client.get("/de/dokumente/bericht/vorschau.png").status_code == 404
    assert client.get("/de/dokumente/bericht/download/").status_code == 200


def test_preview_deadline_stops_a_slow_render(settings):
    settings.PDF_PREVIEW_SECONDS = 0.001
    started = time.monotonic()
    DocumentFactory(slug="langsam")
    assert time.monotonic() - started < 5
    assert DocumentFile.objects.get().has_no_preview


def test_previews_of_files_stored_before_are_made_by_the_command(client):
    from django.core.management import call_command

    document = DocumentFactory(slug="alt")
    DocumentFile.objects.update(preview="")
    assert client.get("/de/dokumente/alt/vorschau.png").status_code == 404
    out = io.StringIO()
    call_command("render_document_previews", stdout=out)
    assert "Vorschaubilder erzeugt: 1" in out.getvalue()
    assert document.current_version.files.get().preview
    assert client.get("/de/dokumente/alt/vorschau.png").status_code == 200


# --- active content -------------------------------------------------------------------


JS_ACTION = {_name("/S"): _name("/JavaScript"), _name("/JS"): TextStringObject("app.alert(1)")}
LAUNCH_ACTION = {_name("/S"): _name("/Launch"), _name("/F"): TextStringObject("calc.exe")}


def _with_javascript(writer):
    """Document-level JavaScript, which readers run when the file opens."""
    action = writer._add_object(DictionaryObject(JS_ACTION))
    tree = DictionaryObject({_name("/Names"): ArrayObject([TextStringObject("start"), action])})
    writer._root_object[_name("/Names")] = DictionaryObject({_name("/JavaScript"): tree})


def _open_action(action):
    def build(writer):
        writer._root_object[_name("/OpenAction")] = writer._add_object(DictionaryObject(action))

    return build


def _page_automatic_action(writer):
    uri = {_name("/S"): _name("/URI"), _name("/URI"): TextStringObject("https://example.org/")}
    writer.pages[0][_name("/AA")] = DictionaryObject({_name("/O"): DictionaryObject(uri)})


def _rich_media(writer):
    annotation = DictionaryObject(
        {
            _name("/Type"): _name("/Annot"),
            _name("/Subtype"): _name("/RichMedia"),
            _name("/Rect"): ArrayObject([NumberObject(0)] * 4),
        }
    )
    writer.pages[0][_name("/Annots")] = ArrayObject([writer._add_object(annotation)])


def _crafted(change):
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(files.pdf("Bericht mit Überraschung")))
    change(writer)
    return _write(writer)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (_with_javascript, "JavaScript"),
        (_open_action(JS_ACTION), "JavaScript"),
        (_open_action(LAUNCH_ACTION), "Programme starten"),
        (_page_automatic_action, "automatische Aktionen"),
        (_rich_media, "Multimedia"),
    ],
)
def test_pdf_with_active_content_is_refused_and_nothing_stored(
    editor_client, stored_files, change, named
):
    response = _add(editor_client, "Bericht.pdf", _crafted(change))
    assert response.status_code == 200
    assert named in _errors(response)
    assert "wir veröffentlichen sie nicht" in _errors(response)
    assert not Document.objects.exists()
    assert stored_files() == []


def test_javascript_hidden_behind_escaped_names_is_refused(editor_client):
    data = _crafted(_open_action(JS_ACTION))
    # "#4A" is "J": a reader decodes it, a search for the bytes "/JavaScript" would miss it.
    data = data.replace(b"/JavaScript", b"/#4AavaScript").replace(b"/JS ", b"/J#53 ")
    assert b"/JavaScript" not in data
    response = _add(editor_client, "Bericht.pdf", data)
    assert "JavaScript" in _errors(response)
    assert not Document.objects.exists()


def test_pdf_opening_at_a_page_is_accepted(editor_client):
    def open_at_first_page(writer):
        first = writer.pages[0].indirect_reference
        writer._root_object[_name("/OpenAction")] = ArrayObject([first, _name("/Fit")])

    response = _add(editor_client, "Bericht.pdf", _crafted(open_at_first_page))
    assert response.status_code == 302, _errors(response)


# --- page and text bombs --------------------------------------------------------------


def _pdf_declaring_pages(count):
    """One real page under a page tree that claims `count`: what a page bomb looks like first."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % count,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_pdf_declaring_99000_pages_is_refused_at_once_naming_the_limit(editor_client):
    started = time.monotonic()
    response = _add(editor_client, "Riesig.pdf", _pdf_declaring_pages(99_000))
    assert time.monotonic() - started < 5
    message = _errors(response)
    assert "99.000 Seiten" in message
    assert "höchstens 2.000 Seiten" in message
    assert not Document.objects.exists()


def test_pdf_with_more_pages_than_allowed_is_refused(editor_client, settings):
    settings.DOCUMENT_MAX_PDF_PAGES = 5
    writer = pypdf.PdfWriter()
    for _ in range(6):
        writer.add_blank_page(width=595, height=842)
    response = _add(editor_client, "Sechs.pdf", _write(writer))
    assert "hat 6 Seiten. Erlaubt sind höchstens 5 Seiten" in _errors(response)


def _text_bomb(operators):
    """A small file whose one page draws text `operators` times: compressed, it stays tiny."""
    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            _name("/Type"): _name("/Font"),
            _name("/Subtype"): _name("/Type1"),
            _name("/BaseFont"): _name("/Helvetica"),
        }
    )
    page[_name("/Resources")] = DictionaryObject(
        {_name("/Font"): DictionaryObject({_name("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf " + b"1 0 0 1 10 10 Tm (ab) Tj " * operators + b"ET")
    page[_name("/Contents")] = writer._add_object(stream.flate_encode())
    return _write(writer)


def test_text_bomb_is_accepted_within_the_deadline_with_the_text_read_so_far(
    editor_client, settings
):
    settings.PDF_TEXT_SECONDS = 0.5
    data = _text_bomb(400_000)
    assert len(data) < 200_000
    started = time.monotonic()
    response = _add(editor_client, "Text.pdf", data)
    assert time.monotonic() - started < 5
    assert response.status_code == 302, _errors(response)
    assert DocumentFile.objects.get().text == ""


def test_pdf_check_that_runs_out_of_time_is_refused_naming_the_deadline(editor_client, settings):
    settings.PDF_CHECK_SECONDS = 0.001
    response = _add(editor_client, "Bericht.pdf", files.pdf())
    assert "nicht in 0,001 Sekunden prüfen" in _errors(response)
    assert not Document.objects.exists()
