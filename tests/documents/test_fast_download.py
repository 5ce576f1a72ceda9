"""The stable download address answers from what the process knows, and is never stale."""

import datetime
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from documents.models import Document
from documents.services import version_create

from . import files
from .factories import DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True, params=["memory", "redis"])
def shared_cache(request):
    """Every test twice: with the local-memory cache, and with Redis announcing the changes."""
    if request.param == "redis":
        return request.getfixturevalue("redis_cache")
    return None


URL = "/de/dokumente/bericht/download/"
HEADERS = (
    "Content-Type",
    "Content-Length",
    "Content-Disposition",
    "ETag",
    "Last-Modified",
    "Accept-Ranges",
    "Cache-Control",
)


@pytest.fixture
def report():
    data = files.pdf("Bericht", pages=1)
    return DocumentFactory(title_de="Bericht", slug="bericht", files={"de": ("b.pdf", data)}), data


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_repeated_download_runs_no_query_and_answers_like_the_view(
    report, django_assert_num_queries, settings
):
    _document, data = report
    first = Client().get(URL)
    with django_assert_num_queries(0):
        again = Client().get(URL)
    assert body(first) == body(again) == data
    for name in (*HEADERS, "Cache-Control", "Content-Security-Policy", "X-Content-Type-Options"):
        assert again[name] == first[name], name
    # The view itself (without the fast path) gives the same answer.
    settings.PAGE_CACHE_ENABLED = False
    plain = Client().get(URL)
    assert [plain[name] for name in HEADERS] == [again[name] for name in HEADERS]


def test_ranges_and_revalidation_work_on_the_fast_path(report):
    _document, data = report
    etag = Client().get(URL)["ETag"]
    assert Client().get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    part = Client().get(URL, HTTP_RANGE="bytes=0-9")
    assert part.status_code == 206 and body(part) == data[:10]
    assert Client().head(URL).status_code == 200


def test_a_new_version_is_served_on_the_next_request(report):
    document, data = report
    assert body(Client().get(URL)) == data
    newer = files.pdf("Bericht, neue Fassung", pages=2)
    version_create(
        document=document,
        upload=SimpleUploadedFile("neu.pdf", newer, content_type="application/pdf"),
        language="de",
    )
    assert body(Client().get(URL)) == newer


def test_an_unpublished_or_deleted_document_is_gone_on_the_next_request(report):
    document, _data = report
    assert Client().get(URL).status_code == 200
    Document.objects.filter(pk=document.pk).update(is_published=False)
    assert Client().get(URL).status_code == 404
    Document.objects.filter(pk=document.pk).update(is_published=True)
    assert Client().get(URL).status_code == 200
    document.delete()
    assert Client().get(URL).status_code == 404


def test_a_download_ends_at_its_scheduled_time(report):
    document, _data = report
    now = timezone.now()
    until = now + datetime.timedelta(minutes=5)
    Document.objects.filter(pk=document.pk).update(visible_until=until)
    assert Client().get(URL).status_code == 200
    later = now + datetime.timedelta(minutes=6)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert Client().get(URL).status_code == 404


def test_each_language_keeps_its_own_answer(report):
    document, data = report
    arabic = files.pdf("تقرير", pages=1)
    version_create(
        document=document,
        upload=SimpleUploadedFile("ar.pdf", arabic, content_type="application/pdf"),
        language="ar",
    )
    assert body(Client().get("/ar/dokumente/bericht/download/")) == arabic
    assert body(Client().get(URL)) == data
    assert Client().get("/xx/dokumente/bericht/download/").status_code == 404
    assert Client().get("/de/dokumente/fehlt/download/").status_code == 404


def test_a_known_download_is_served_while_the_database_hangs(report, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    _document, data = report
    assert body(Client().get(URL)) == data

    def hang(*args, **kwargs):
        raise AssertionError("the download asked the database")

    monkeypatch.setattr(CursorWrapper, "_execute", hang)
    assert body(Client().get(URL)) == data
