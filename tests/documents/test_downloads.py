"""The stable download address: headers, revalidation, byte ranges, storage and DEBUG=False."""

import pytest
from django.test import override_settings

from documents import views

from . import files
from .factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    data = files.pdf("Integrationskonzept", pages=3)
    document = DocumentFactory(
        title_de="Integrationskonzept Teil 1",
        slug="integrationskonzept-teil-1",
        files={"de": ("IK_T1_Endfassung.pdf", data)},
    )
    return document, data


URL = "/de/dokumente/integrationskonzept-teil-1/download/"


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_download_sends_type_length_name_and_validators(client, report):
    document, data = report
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(data))
    assert response["Content-Disposition"] == 'inline; filename="Integrationskonzept-Teil-1-de.pdf"'
    assert response["ETag"] == f'"{document.current_version.files.get().sha256}"'
    assert response["Last-Modified"]
    assert response["Accept-Ranges"] == "bytes"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies
    assert _body(response) == data


def test_readers_get_a_name_from_title_and_language_never_the_uploaded_one(client):
    DocumentFactory(
        title_de="Übersicht Mikroprojekte",
        slug="uebersicht",
        files={"de": ("Übersicht_Kaiser-final-NEU.pdf", files.pdf())},
    )
    response = client.get("/de/dokumente/uebersicht/download/")
    assert response["Content-Disposition"] == 'inline; filename="Uebersicht-Mikroprojekte-de.pdf"'


def test_word_files_are_offered_as_attachments_named_after_the_title(client):
    DocumentFactory(
        title_de="Antrag Mikroprojekt 2026",
        slug="antrag",
        files={
            "de": ("Antrag_Mikroprojekt_Kaiser-final-NEU.docx", files.docx()),
            "en": ("application (2) KOPIE.docx", files.docx()),
        },
    )
    response = client.get("/de/dokumente/antrag/download/")
    english = client.get("/en/dokumente/antrag/download/")
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert (
        response["Content-Disposition"] == 'attachment; filename="Antrag-Mikroprojekt-2026-de.docx"'
    )
    assert english["Content-Disposition"] == (
        'attachment; filename="Antrag-Mikroprojekt-2026-en.docx"'
    )


def test_matching_etag_answers_304_without_a_body(client, report):
    etag = client.get(URL)["ETag"]
    response = client.get(URL, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_unchanged_since_last_modified_answers_304(client, report):
    last_modified = client.get(URL)["Last-Modified"]
    assert client.get(URL, headers={"if-modified-since": last_modified}).status_code == 304


def test_stale_etag_gets_the_whole_file(client, report):
    response = client.get(URL, headers={"if-none-match": '"veraltet"'})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=100-", 100, None),
        ("bytes=-50", -50, None),
        ("bytes=10-999999999", 10, None),
    ],
)
def test_range_requests_get_206_with_the_requested_bytes(client, report, header, start, end):
    _document, data = report
    expected = data[start:] if end is None else data[start : end + 1]
    response = client.get(URL, headers={"range": header})
    assert response.status_code == 206
    first = start if start >= 0 else len(data) + start
    assert response["Content-Range"] == f"bytes {first}-{first + len(expected) - 1}/{len(data)}"
    assert response["Content-Length"] == str(len(expected))
    assert _body(response) == expected


def test_range_beyond_the_end_answers_416(client, report):
    _document, data = report
    response = client.get(URL, headers={"range": f"bytes={len(data)}-"})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(data)}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "items=0-5", "bytes=9-3"])
def test_ranges_we_do_not_serve_get_the_whole_file(client, report, header):
    _document, data = report
    response = client.get(URL, headers={"range": header})
    assert response.status_code == 200
    assert _body(response) == data


HUGE = "9" * 5000


@pytest.mark.parametrize(
    ("header", "status", "content_range"),
    [
        (f"bytes=0-{HUGE}", 206, "bytes 0-{last}/{size}"),
        (f"bytes=-{HUGE}", 206, "bytes 0-{last}/{size}"),
        (f"bytes={HUGE}-", 416, "bytes */{size}"),
        (f"bytes=000{'0' * 5000}1-", 206, "bytes 1-{last}/{size}"),
    ],
)
def test_positions_too_long_for_an_integer_are_past_the_end_not_an_error(
    client, report, header, status, content_range
):
    _document, data = report
    response = client.get(URL, headers={"range": header})
    assert response.status_code == status
    assert response["Content-Range"] == content_range.format(last=len(data) - 1, size=len(data))


def test_if_range_with_an_old_etag_gets_the_whole_new_file(client, report):
    _document, data = report
    response = client.get(URL, headers={"range": "bytes=0-9", "if-range": '"alte-fassung"'})
    assert response.status_code == 200
    assert _body(response) == data
    etag = response["ETag"]
    partial = client.get(URL, headers={"range": "bytes=0-9", "if-range": etag})
    assert partial.status_code == 206


def test_head_sends_the_headers_without_the_file(client, rf, report):
    document, data = report
    response = client.head(URL)
    assert response.status_code == 200
    assert response["Content-Length"] == str(len(data))
    # The test client empties every HEAD answer itself; only the view shows what it sends.
    direct = views.download(rf.head(URL), slug=document.slug)
    assert direct["Content-Length"] == str(len(data))
    assert _body(direct) == b""


def test_posting_to_a_download_is_not_allowed(client, report):
    assert client.post(URL).status_code == 405


def test_unpublished_or_unknown_documents_are_not_served(client):
    DocumentFactory(slug="entwurf", is_published=False)
    assert client.get("/de/dokumente/entwurf/download/").status_code == 404
    assert client.get("/de/dokumente/gibt-es-nicht/download/").status_code == 404


@override_settings(DEBUG=False)
def test_download_is_served_with_debug_off(client, report):
    """Nothing depends on the development server's media view."""
    _document, data = report
    response = client.get(URL)
    assert response.status_code == 200
    assert _body(response) == data


def test_files_are_read_through_the_storage_api(client, settings):
    """Swapping the storage backend (e.g. for S3) needs configuration only."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    data = files.pdf()
    DocumentFactory(slug="im-speicher", files={"de": ("Bericht.pdf", data)})
    assert not (settings.MEDIA_ROOT).exists()
    response = client.get("/de/dokumente/im-speicher/download/", headers={"range": "bytes=4-"})
    assert _body(response) == data[4:]
