"""Hostile or awkward XLIFF files: a clear German message instead of a repr, a garbled
preview or a worker running into its timeout."""

import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pages.models import Page
from tests.pages.factories import PageFactory
from translations.xliff import export_xliff

from .test_xliff import translate, uid

IMPORT_URL = "/admin/uebersetzungen/import/"


@pytest.fixture
def page(db):
    return PageFactory(key=Page.Key.PRIVACY, title_de="Datenschutz", summary_de="", body_de="")


def _preview(client, data, language="tr"):
    upload = SimpleUploadedFile("datei.xlf", data, content_type="application/xml")
    return client.post(IMPORT_URL, {"language": language, "file": upload}).content.decode()


def _messages(content):
    return " ".join(re.sub(r"<[^>]+>", " ", content).split())


def test_an_xml_entity_gets_a_german_message_not_a_python_repr(editor_client, page):
    data = translate(export_xliff("tr"), "tr", {uid(page, "title"): "Gizlilik"})
    data = data.replace(
        b"<xliff ", b'<!DOCTYPE xliff [<!ENTITY firma "Evil GmbH">]>\n<xliff ', 1
    ).replace(b"Gizlilik", b"&firma;")
    content = _messages(_preview(editor_client, data))
    assert "Die Datei enthält eine DTD oder XML-Entitäten" in content
    assert "EntitiesForbidden" not in content and "system_id" not in content
    page.refresh_from_db()
    assert page.title_tr is None


def test_malformed_xml_names_line_and_character_in_german(editor_client, page):
    content = _messages(
        _preview(editor_client, b"<?xml version='1.0'?>\n<xliff version='1.2'>\n<file")
    )
    assert "kein wohlgeformtes XML: Fehler in Zeile 3" in content
    assert "unclosed token" not in content and "not well-formed" not in content


@pytest.mark.parametrize("declared", ["ISO-8859-1", "windows-1252"])
def test_utf8_bytes_declared_as_latin1_are_refused_not_previewed_garbled(
    editor_client, page, declared
):
    page.title_de = "Datenschutzerklärung für Bürger"
    page.save()
    data = translate(export_xliff("tr"), "tr", {uid(page, "title"): "Gizlilik bildirimi çğüş"})
    data = data.replace(b"encoding='utf-8'", f"encoding='{declared}'".encode(), 1)
    assert f"encoding='{declared}'".encode() in data
    content = _messages(_preview(editor_client, data))
    assert (
        f"Die Datei gibt {declared} als Zeichenkodierung an, ist aber als UTF-8 gespeichert"
        in content
    )
    assert 'name="token"' not in content


def test_latin1_bytes_declared_as_utf8_are_refused_naming_the_line(editor_client, page):
    data = translate(export_xliff("tr"), "tr", {uid(page, "title"): "Gizlilik"})
    data = data.replace(b"Gizlilik", "Größe".encode("latin-1"))
    content = _messages(_preview(editor_client, data))
    assert "gibt UTF-8 als Zeichenkodierung an, enthält aber in Zeile" in content
    assert "kein gültiges UTF-8" in content


def test_a_correctly_declared_latin1_file_still_imports(editor_client, page):
    data = translate(export_xliff("tr"), "tr", {uid(page, "title"): "Gizlilik"})
    data = data.decode().replace("Gizlilik", "Größe").encode("latin-1", "xmlcharrefreplace")
    data = data.replace(b"encoding='utf-8'", b"encoding='ISO-8859-1'", 1)
    content = _preview(editor_client, data)
    assert "Größe" in content
    assert 'name="token"' in content


def test_too_many_units_are_refused_at_once_naming_the_limit(editor_client, page):
    one = '<trans-unit id="pages.page.{n}.title"><source>x</source><target>y</target></trans-unit>'
    body = "".join(one.format(n=n) for n in range(20_001))
    data = (
        '<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2"'
        ' version="1.2"><file source-language="de" target-language="tr" datatype="plaintext"'
        f' original="x"><body>{body}</body></file></xliff>'
    ).encode()
    started = time.monotonic()
    content = _messages(_preview(editor_client, data))
    assert time.monotonic() - started < 5
    assert "Die Datei enthält 20.001 Einheiten. Erlaubt sind höchstens 20.000" in content


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(editor_client, page, settings):
    settings.XLIFF_IMPORT_MAX_BYTES = 1024
    data = translate(export_xliff("tr"), "tr", {uid(page, "title"): "Gizlilik " * 200})
    content = _messages(_preview(editor_client, data))
    assert "groß. Erlaubt sind höchstens 1 kB." in content
    page.refresh_from_db()
    assert page.title_tr is None


def test_an_expired_preview_is_not_applied(editor_client, page, settings):
    data = translate(export_xliff("tr"), "tr", {uid(page, "title"): "Gizlilik"})
    token = re.search(r'name="token" value="([^"]+)"', _preview(editor_client, data)).group(1)
    settings.IMPORT_PREVIEW_SECONDS = -1
    response = editor_client.post(f"{IMPORT_URL}uebernehmen/", {"token": token}, follow=True)
    assert "Die Vorschau ist abgelaufen" in response.content.decode()
    assert Page.objects.get().title_tr is None


def test_the_export_keeps_its_default_namespace_when_other_code_took_the_empty_prefix(page):
    from xml.etree import ElementTree

    # What WeasyPrint's PDF metadata does once a PDF has been made in the same process.
    ElementTree.register_namespace("", "")
    data = export_xliff("tr")
    assert b"<xliff " in data and b"ns0:" not in data
