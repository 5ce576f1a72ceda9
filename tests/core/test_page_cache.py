"""The page cache: readers get cached pages, and every change shows on the next request."""

import datetime
import gzip
import os
import re
from unittest import mock

import brotli
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.history import revision
from core.preview import preview_url
from microprojects.models import FundedProject
from pages.models import Notice, Page
from tests.contacts.factories import MunicipalityFactory
from tests.microprojects.test_admin import GOOD_CSV, IMPORT_URL, form_data
from tests.pages.factories import NoticeFactory, PageFactory
from tests.site_urls import sitemap_paths
from tests.translations.test_xliff import translate, uid
from translations.xliff import export_xliff

pytestmark = pytest.mark.django_db

PRIVACY = "/de/datenschutz/"


@pytest.fixture
def reader():
    """A fresh browser without cookies: what every anonymous reader is."""
    return Client()


@pytest.fixture
def privacy(db):
    with revision("Angelegt"):
        return PageFactory(key=Page.Key.PRIVACY, title_de="Datenschutz", body_de="<p>Alt</p>")


@pytest.fixture
def home(db):
    return PageFactory(key=Page.Key.HOME, title_de="Willkommen", body_de="<p>Start</p>")


def text(response):
    return response.content.decode()


def change_page(client, page, **changes):
    url = f"/admin/pages/page/{page.pk}/change/"
    data = form_data(client.get(url).content, "page_form")
    data.update({name: [value] for name, value in changes.items()})
    response = client.post(url, data)
    assert response.status_code == 302, text(response)[:2000]


def queries(client, *args, **kwargs):
    """How many queries a request runs: none when the page cache answers it."""
    with CaptureQueriesContext(connection) as captured:
        client.get(*args, **kwargs)
    return len(captured)


def test_a_second_request_is_served_from_the_cache(reader, privacy, django_assert_num_queries):
    first = reader.get(PRIVACY)
    with django_assert_num_queries(0):
        again = reader.get(PRIVACY)
    assert again.content == first.content and "Alt" in text(again)


def test_a_write_that_sends_no_signal_shows_on_the_next_request(reader, privacy):
    assert "Alt" in text(reader.get(PRIVACY))
    Page.objects.filter(pk=privacy.pk).update(body_de="<p>Ohne Signal</p>")
    assert "Ohne Signal" in text(reader.get(PRIVACY))


def test_an_admin_edit_shows_on_the_next_request(reader, editor_client, privacy):
    assert "Alt" in text(reader.get(PRIVACY))
    change_page(editor_client, privacy, body_de="<p>Neu</p>")
    content = text(reader.get(PRIVACY))
    assert "Neu" in content and "Alt" not in content


def test_a_delete_shows_on_the_next_request(reader, editor_client, home):
    notice = NoticeFactory(title_de="Sprechstunde fällt aus")
    assert "Sprechstunde fällt aus" in text(reader.get("/de/"))
    response = editor_client.post(f"/admin/pages/notice/{notice.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Notice.objects.exists()
    assert "Sprechstunde fällt aus" not in text(reader.get("/de/"))


def test_an_xliff_import_shows_on_the_next_request(reader, editor_client, privacy):
    assert "Gizlilik KfI-Test" not in text(reader.get("/tr/datenschutz/"))
    data = translate(export_xliff("tr"), "tr", {uid(privacy, "title"): "Gizlilik KfI-Test"})
    upload = SimpleUploadedFile("tr.xlf", data, content_type="application/xml")
    preview = editor_client.post(
        "/admin/uebersetzungen/import/", {"language": "tr", "file": upload}
    )
    token = re.search(r'name="token" value="([^"]+)"', text(preview)).group(1)
    editor_client.post("/admin/uebersetzungen/import/uebernehmen/", {"token": token})
    assert Page.objects.get(pk=privacy.pk).title_tr == "Gizlilik KfI-Test"
    assert "Gizlilik KfI-Test" in text(reader.get("/tr/datenschutz/"))


def test_a_csv_import_of_funded_projects_shows_on_the_next_request(reader, editor_client):
    MunicipalityFactory(name="Borna"), MunicipalityFactory(name="Grimma")
    url = "/de/mikroprojekte/gefoerderte-projekte/"
    assert "Sprachcafé" not in text(reader.get(url))
    upload = SimpleUploadedFile("liste.csv", GOOD_CSV.encode(), content_type="text/csv")
    preview = editor_client.post(IMPORT_URL, {"year": "2024", "file": upload})
    data = form_data(preview.content, "import-confirm")
    data.update(publish=["on"], confirm=["1"])
    assert editor_client.post(IMPORT_URL, data).status_code == 302
    assert FundedProject.objects.count() == 2
    assert "Sprachcafé" in text(reader.get(url))


def test_a_restore_shows_on_the_next_request(reader, editor_client, privacy):
    change_page(editor_client, privacy, body_de="<p>Neu</p>")
    assert "Neu" in text(reader.get(PRIVACY))
    from reversion.models import Version

    first = Version.objects.get_for_object(privacy).order_by("pk").first()
    url = f"/admin/pages/page/{privacy.pk}/history/{first.pk}/wiederherstellen/"
    assert editor_client.post(url).status_code == 302
    content = text(reader.get(PRIVACY))
    assert "Alt" in content and "Neu" not in content


def test_a_scheduled_notice_appears_and_goes_at_its_time(reader, home):
    now = timezone.now()
    NoticeFactory(
        title_de="Neue Sprechzeiten",
        visible_from=now + datetime.timedelta(minutes=5),
        visible_until=now + datetime.timedelta(minutes=10),
    )
    assert "Neue Sprechzeiten" not in text(reader.get("/de/"))
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(minutes=6)):
        assert "Neue Sprechzeiten" in text(reader.get("/de/"))
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(minutes=11)):
        assert "Neue Sprechzeiten" not in text(reader.get("/de/"))


def test_a_cached_entry_ends_at_the_next_scheduled_change(home):
    now = timezone.now()
    NoticeFactory(visible_from=now + datetime.timedelta(seconds=90))
    with mock.patch.object(cache, "set", wraps=cache.set) as stored:
        Client().get("/de/")
    (timeout,) = [c.kwargs["timeout"] for c in stored.call_args_list if "page:" in c.args[0]]
    assert 1 <= timeout <= 91


def test_the_admin_is_never_cached_nor_compressed(editor_client, privacy):
    url = f"/admin/pages/page/{privacy.pk}/change/"
    first = editor_client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert "private" in first["Cache-Control"] and "no-store" in first["Cache-Control"]
    assert not first.has_header("Content-Encoding")
    assert queries(editor_client, url) > 0


def test_an_editor_never_gets_nor_fills_a_cached_page(reader, editor_client, privacy):
    reader.get(PRIVACY)
    assert queries(editor_client, PRIVACY) > 0
    assert queries(editor_client, PRIVACY) > 0
    assert not editor_client.get(PRIVACY).has_header("ETag")
    assert "Alt" in text(editor_client.get(PRIVACY))


def test_a_preview_is_never_cached(reader, privacy):
    Page.objects.filter(pk=privacy.pk).update(is_published=False)
    url = preview_url(privacy)
    first = reader.get(url)
    assert first.status_code == 200 and "Alt" in text(first)
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    assert queries(reader, url) > 0


def test_a_post_is_never_answered_from_the_cache(reader, privacy):
    reader.get(PRIVACY)
    with CaptureQueriesContext(connection) as captured:
        posted = reader.post(PRIVACY)
    assert len(captured) > 0 and not posted.has_header("ETag")


def test_if_none_match_answers_304_without_a_body(reader, privacy):
    first = reader.get(PRIVACY)
    # Browsers ask again every time, so an edit shows on the next request: then a 304.
    assert first["Cache-Control"] == "public, no-cache"
    again = reader.get(PRIVACY, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"]
    PageFactory(key=Page.Key.PRIVACY, body_de="<p>Neu</p>").save()
    assert reader.get(PRIVACY, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


@pytest.mark.parametrize(("asked", "encoding"), [("gzip", "gzip"), ("gzip, deflate, br", "br")])
def test_anonymous_html_is_compressed_as_asked(reader, privacy, asked, encoding):
    plain = reader.get(PRIVACY)
    assert not plain.has_header("Content-Encoding") and "Accept-Encoding" in plain["Vary"]
    for _ in range(2):  # the miss that fills the cache, then the hit
        packed = reader.get(PRIVACY, HTTP_ACCEPT_ENCODING=asked)
        assert packed["Content-Encoding"] == encoding
        unpack = brotli.decompress if encoding == "br" else gzip.decompress
        assert unpack(packed.content) == plain.content


def test_no_anonymous_page_sets_a_cookie(demo_content):
    paths = [p for p in sitemap_paths(Client()) if p.startswith(("/de/", "/ar/"))]
    assert len(paths) > 20
    for path in paths:
        response = Client().get(path, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200, path
        assert not response.cookies, path
        assert response["Cache-Control"].startswith("public"), path


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")
def test_with_redis_an_edit_shows_on_the_next_request(reader, editor_client, privacy):
    redis = {
        "default": {
            "BACKEND": "core.cache.SharedRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    with override_settings(CACHES=redis):
        cache.clear()
        try:
            assert "Alt" in text(reader.get(PRIVACY))
            assert queries(reader, PRIVACY) == 0
            change_page(editor_client, privacy, body_de="<p>Neu</p>")
            assert "Neu" in text(reader.get(PRIVACY))
            packed = reader.get(PRIVACY, HTTP_ACCEPT_ENCODING="br")
            assert b"Neu" in brotli.decompress(packed.content)
        finally:
            cache.clear()


def test_a_lost_generation_starts_a_new_one_instead_of_reusing_old_pages(reader, privacy):
    reader.get(PRIVACY)
    cache.delete("pagecache:generation")
    assert queries(reader, PRIVACY) > 0
    assert queries(reader, PRIVACY) == 0


def test_caches_in_front_may_keep_pages_a_while_when_the_operator_allows(reader, privacy, settings):
    settings.PAGE_CACHE_MAX_AGE = 60
    first = reader.get(PRIVACY)
    assert first["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
