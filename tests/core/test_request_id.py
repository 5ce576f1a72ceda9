"""Each request has a number: in the X-Request-ID header, on every log line, on the error pages."""

import io
import logging
import re

import pytest
from django.conf import settings
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client
from django.utils import translation

from core import views as core_views
from pages.models import Page
from tests.pages.factories import PageFactory

ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


@pytest.fixture
def log_lines():
    """What the configured console handler writes, line by line."""
    [console] = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    stream = io.StringIO()
    previous = console.setStream(stream)
    yield lambda: stream.getvalue().splitlines()
    console.setStream(previous)


def test_every_answer_carries_its_own_request_id(client, db):
    first = client.get("/robots.txt")["X-Request-ID"]
    second = client.get("/de/gibt-es-nicht/")["X-Request-ID"]
    assert ID.fullmatch(first)
    assert ID.fullmatch(second)
    assert first != second


def test_a_page_from_the_page_cache_gets_a_fresh_id_not_the_stored_one(
    client, db, django_assert_num_queries
):
    PageFactory(key=Page.Key.PRIVACY, title_de="Datenschutz", body_de="<p>Text</p>")
    first = client.get("/de/datenschutz/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        replayed = client.get("/de/datenschutz/")
    assert replayed.content == first.content
    assert ID.fullmatch(replayed["X-Request-ID"])
    assert replayed["X-Request-ID"] != first["X-Request-ID"]


def test_the_id_of_the_trusted_proxy_is_kept(client, db):
    response = client.get(
        "/robots.txt", headers={"x-request-id": "4f2a9c1e0b7d4e6f8a1b2c3d4e5f6a7b"}
    )
    assert response["X-Request-ID"] == "4f2a9c1e0b7d4e6f8a1b2c3d4e5f6a7b"


@pytest.mark.parametrize(
    ("remote_addr", "sent"),
    [
        ("203.0.113.9", "4f2a9c1e0b7d4e6f"),  # not a proxy gunicorn trusts
        ("127.0.0.1", "abc\nlevel=ERROR forged"),  # would write a line of its own into the log
        ("127.0.0.1", "x" * 200),
    ],
)
def test_an_id_from_a_client_or_not_shaped_like_one_is_replaced(client, db, remote_addr, sent):
    response = client.get("/robots.txt", headers={"x-request-id": sent}, REMOTE_ADDR=remote_addr)
    assert response["X-Request-ID"] != sent
    assert ID.fullmatch(response["X-Request-ID"])


def test_every_log_line_of_a_request_names_its_id(client, db, log_lines):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    lines = [line for line in log_lines() if "gibt-es-nicht" in line]
    assert lines == [line for line in lines if f"request_id={response['X-Request-ID']} " in line]
    assert any('msg="Not Found: /de/gibt-es-nicht/"' in line for line in lines)


def test_a_traceback_stays_on_the_line_of_its_request(db, log_lines, monkeypatch):
    client = Client(raise_request_exception=False)

    def broken(*args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(core_views, "reverse", broken)
    response = client.get("/robots.txt")
    assert response.status_code == 500
    [line] = [line for line in log_lines() if "kaputt" in line]
    assert f"request_id={response['X-Request-ID']} " in line
    assert "RuntimeError: kaputt" in line


def test_the_500_page_names_the_request_id_to_quote(db, monkeypatch):
    client = Client(raise_request_exception=False)

    def broken(*args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(core_views, "reverse", broken)
    response = client.get("/robots.txt", headers={"accept-language": "de"})
    assert response.status_code == 500
    content = response.content.decode()
    assert "Bitte nennen Sie diese Nummer" in content
    assert f'<code dir="ltr">{response["X-Request-ID"]}</code>' in content


@pytest.fixture
def stopped_database(db, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(CursorWrapper, "execute", refuse)
        yield


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_503_page_names_the_request_id_in_every_language(stopped_database, language):
    client = Client(raise_request_exception=False)
    response = client.get(f"/{language}/")
    assert response.status_code == 503
    content = response.content.decode()
    assert f'<html lang="{language}"' in content
    assert f'<code dir="ltr">{response["X-Request-ID"]}</code>' in content
    with translation.override(language):
        sentence = translation.gettext("Bitte nennen Sie diese Nummer, wenn Sie uns schreiben:")
    assert sentence in content
    if language != settings.LANGUAGE_CODE:
        assert "Bitte nennen Sie diese Nummer" not in content
