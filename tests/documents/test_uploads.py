"""Uploads through the admin: allowed types by content, refusals that change nothing."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test.client import encode_multipart

from documents.models import Document, DocumentFile
from documents.services import version_create

from . import files
from .admin_forms import change_url, form_values, submit_change
from .factories import CategoryFactory, DocumentFactory

ADD_URL = "/admin/documents/document/add/"
STORED_NAME = re.compile(r"^documents/files/[0-9a-f]{32}\.(pdf|docx|xlsx|odt|ods)$")

pytestmark = pytest.mark.django_db


def _add(client, name, data, **fields):
    from django.core.files.uploadedfile import SimpleUploadedFile

    category = CategoryFactory()
    values = form_values(client.get(ADD_URL))
    values.update(
        {
            "title_de": "Neues Formular",
            "slug": "neues-formular",
            "category": category.pk,
            "is_published": "True",
            "order": 0,
            "upload": SimpleUploadedFile(name, data),
            "upload_language": "de",
            **fields,
        }
    )
    return client.post(ADD_URL, values)


@pytest.mark.parametrize(
    ("name", "builder", "content_type"),
    [
        ("Bericht.pdf", files.pdf, "application/pdf"),
        (
            "Antrag.docx",
            files.docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "Kosten.xlsx",
            files.xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("Sachbericht.odt", files.odt, "application/vnd.oasis.opendocument.text"),
        ("Tabelle.ods", files.ods, "application/vnd.oasis.opendocument.spreadsheet"),
    ],
)
def test_each_allowed_type_is_accepted_by_content(editor_client, name, builder, content_type):
    data = builder()
    response = _add(editor_client, name, data)
    assert response.status_code == 302, re.findall(r"errorlist.{0,300}", response.content.decode())
    document = Document.objects.get(slug="neues-formular")
    stored = document.current_version.files.get()
    assert stored.content_type == content_type
    assert stored.original_name == name
    assert stored.size == len(data)
    assert STORED_NAME.match(stored.file.name)
    assert stored.file.read() == data
    assert document.current_version.uploaded_by.username == "redakteurin"


def test_pdf_upload_records_pages_checksum_and_text(editor_client):
    import hashlib

    data = files.pdf("Integrationskonzept Handlungsfelder", pages=3)
    _add(editor_client, "Konzept.pdf", data)
    stored = DocumentFile.objects.get()
    assert stored.page_count >= 3
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert "Integrationskonzept Handlungsfelder" in stored.text


def test_adding_a_document_without_a_file_is_refused(editor_client):
    values = form_values(editor_client.get(ADD_URL))
    values.update(
        {
            "title_de": "Ohne Datei",
            "slug": "ohne-datei",
            "category": CategoryFactory().pk,
            "order": 0,
        }
    )
    response = editor_client.post(ADD_URL, values)
    assert response.status_code == 200
    assert not Document.objects.exists()


REFUSALS = [
    pytest.param("Programm.pdf", files.executable, "ausführbares Programm", id="renamed-exe"),
    pytest.param("setup.exe", files.executable, "ausführbares Programm", id="exe"),
    pytest.param("Bericht.pdf", files.html_page, "keine echte PDF-Datei", id="html-called-pdf"),
    pytest.param("Bericht.pdf", files.encrypted_pdf, "verschlüsselt", id="encrypted-pdf"),
    pytest.param(
        "Bericht.pdf",
        lambda: files.encrypted_pdf(user_password=""),
        "verschlüsselt",
        id="encrypted-pdf-without-password",
    ),
    pytest.param("Bericht.pdf", files.truncated_pdf, "beschädigt", id="broken-pdf"),
    pytest.param("Antrag.pdf", files.docx, "nicht auf „.docx“", id="docx-called-pdf"),
    pytest.param("Antrag.docm", files.docm, "ZIP-Datei ist nicht erlaubt", id="macro-document"),
    pytest.param("Bericht.pdf", lambda: b"", "leer", id="empty"),
]


@pytest.mark.parametrize(("name", "builder", "message"), REFUSALS)
def test_refused_upload_leaves_document_and_files_exactly_as_they_were(
    editor_client, stored_files, name, builder, message
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = DocumentFactory(title_de="Alter Titel")
    before = (
        document.current_version_id,
        list(document.versions.values_list("pk", flat=True)),
        stored_files(),
    )

    response = submit_change(
        editor_client,
        document,
        title_de="Geänderter Titel",
        upload=SimpleUploadedFile(name, builder()),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    document.refresh_from_db()
    assert document.title_de == "Alter Titel"
    after = (
        document.current_version_id,
        list(document.versions.values_list("pk", flat=True)),
        stored_files(),
    )
    assert after == before


def test_file_over_the_size_limit_is_refused_with_both_sizes(editor_client, stored_files, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.DOCUMENT_MAX_UPLOAD_BYTES = 50_000
    document = DocumentFactory()
    before = stored_files()
    response = submit_change(
        editor_client, document, upload=SimpleUploadedFile("Gross.pdf", files.pdf_of_size(80_000))
    )
    content = response.content.decode()
    assert "Die Datei ist 80 kB groß. Erlaubt sind höchstens 50 kB." in content
    assert document.versions.count() == 1
    assert stored_files() == before


@pytest.mark.parametrize(
    "name", ["../../etc/passwd.pdf", "..\\..\\boot.pdf", ".htaccess.pdf", "bericht\x00.pdf"]
)
def test_path_like_names_are_refused_before_anything_is_stored(stored_files, name):
    document = DocumentFactory()
    before = stored_files()
    with pytest.raises(ValidationError, match="Dateiname"):
        version_create(document=document, upload=ContentFile(files.pdf(), name=name), language="de")
    assert document.versions.count() == 1
    assert stored_files() == before


def test_traversal_in_a_posted_file_name_never_reaches_the_disk(editor_client, settings):
    """The name a browser sends is only kept as text; the disk name is generated."""
    document = DocumentFactory()
    values = form_values(editor_client.get(change_url(document)))
    boundary = "kfi-test-boundary"
    body = encode_multipart(boundary, values).rstrip(b"\r\n")
    body = body[: body.rindex(f"--{boundary}--".encode())]
    body += (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="upload"; '
            f'filename="../../../../outside.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
        ).encode()
        + files.pdf()
        + f"\r\n--{boundary}--\r\n".encode()
    )

    response = editor_client.post(
        change_url(document), body, content_type=f"multipart/form-data; boundary={boundary}"
    )

    assert response.status_code == 302
    newest = document.versions.first().files.get()
    assert STORED_NAME.match(newest.file.name)
    assert "/" not in newest.original_name and ".." not in newest.original_name
    outside = settings.MEDIA_ROOT.parent
    assert not any(p.name == "outside.pdf" for p in outside.rglob("*"))
