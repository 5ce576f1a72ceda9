"""Preview links: a draft as readers will see it, without logging in, until the link expires."""

import datetime
import re
from unittest import mock

import pytest
from django.core import signing
from django.utils import timezone

from core import preview
from pages.models import Page
from tests.contacts.factories import PersonFactory
from tests.documents.factories import DocumentFactory
from tests.microprojects.factories import FundingProgrammeFactory
from tests.pages.factories import NoticeFactory, PageFactory

pytestmark = pytest.mark.django_db

BANNER = 'class="preview-note"'


@pytest.fixture
def start_page(db):
    return PageFactory(key=Page.Key.HOME, title_de="Willkommen")


def _link_from_admin(editor_client, obj):
    """The preview address exactly as the change page offers it to the editor."""
    url = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"
    content = editor_client.get(url).content.decode()
    match = re.search(r'<input type="text" name="preview_link" value="([^"]+)"', content)
    assert match, "no preview link on the change page"
    assert "Gültig bis" in content
    return match.group(1).replace("http://testserver", "").replace("&amp;", "&")


def _assert_private(response):
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    assert response["X-Robots-Tag"].startswith("noindex")
    assert not response.cookies


@pytest.mark.parametrize("is_highlighted", [False, True])
def test_draft_notice_previews_on_the_start_page_logged_out(
    client, editor_client, start_page, is_highlighted
):
    notice = NoticeFactory(
        title_de="Neuer Kurs",
        title_ar="دورة جديدة",
        is_published=False,
        is_highlighted=is_highlighted,
    )
    link = _link_from_admin(editor_client, notice)
    client.logout()
    assert link.startswith("/de/vorschau/")

    response = client.get(link)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Neuer Kurs" in content and BANNER in content
    assert "Vorschau – so sehen Leser diese Seite, sobald sie veröffentlicht ist" in content
    # A banner notice previews as the banner, the others in the list.
    assert ('class="banner"' in content) is is_highlighted
    _assert_private(response)

    arabic = client.get(link.replace("/de/", "/ar/", 1))
    content = arabic.content.decode()
    assert arabic.status_code == 200
    assert "دورة جديدة" in content and BANNER in content
    assert "Vorschau – so sehen" not in content
    # The language switcher keeps the preview.
    assert f'href="{link}"' in content

    # Readers without the link see nothing of it.
    assert "Neuer Kurs" not in client.get("/de/").content.decode()
    assert BANNER not in client.get("/de/").content.decode()


@pytest.mark.parametrize(
    "make",
    [
        lambda: PageFactory(key=Page.Key.OFFICE, title_de="Zzbüro", is_published=False),
        lambda: PageFactory(key=Page.Key.EASY_LANGUAGE, title_de="Zzleicht", is_published=False),
        lambda: PersonFactory(last_name="Zzperson", is_published=False),
        lambda: DocumentFactory(title_de="Zzdokument", is_published=False),
        lambda: FundingProgrammeFactory(title_de="Zzprogramm", is_published=False),
    ],
    ids=["office", "easy-language", "person", "document", "programme"],
)
def test_every_kind_of_draft_previews_on_its_own_page(client, start_page, make):
    obj = make()
    public = client.get(obj.get_absolute_url())
    marker = re.search(r"Zz\w+", str(obj.title_de if hasattr(obj, "title_de") else obj.last_name))
    assert marker.group(0) not in public.content.decode()

    response = client.get(preview.preview_url(obj))
    assert response.status_code == 200
    assert marker.group(0) in response.content.decode()
    assert BANNER in response.content.decode()
    _assert_private(response)


def test_a_previewed_draft_page_shows_its_menu_link_as_it_will_be(client, start_page):
    office = PageFactory(key=Page.Key.OFFICE, is_published=False)
    content = client.get(preview.preview_url(office)).content.decode()
    assert 'href="/de/koordinierungsstelle/"' in content


def test_preview_of_a_programme_shows_that_programme_not_the_published_one(client, start_page):
    FundingProgrammeFactory(title_de="Laufendes Programm")
    draft = FundingProgrammeFactory(slug="neu", title_de="Neues Programm", is_published=False)
    content = client.get(preview.preview_url(draft)).content.decode()
    assert "Neues Programm" in content and "Laufendes Programm" not in content


def test_expired_link_gets_a_friendly_410_page_in_the_readers_language(client, start_page):
    notice = NoticeFactory(is_published=False)
    link = preview.preview_url(notice)
    later = timezone.now() + datetime.timedelta(days=8)
    with mock.patch("time.time", return_value=later.timestamp()):
        response = client.get(link)
        arabic = client.get(link.replace("/de/", "/ar/", 1))
    assert response.status_code == 410
    assert "Der Vorschau-Link ist abgelaufen" in response.content.decode()
    assert arabic.status_code == 410
    assert "انتهت صلاحية رابط المعاينة" in arabic.content.decode()
    _assert_private(response)


def test_link_lifetime_is_a_setting(client, start_page, settings):
    settings.PREVIEW_LINK_MAX_AGE = datetime.timedelta(hours=1)
    link = preview.preview_url(NoticeFactory(is_published=False))
    later = timezone.now() + datetime.timedelta(hours=2)
    with mock.patch("time.time", return_value=later.timestamp()):
        assert client.get(link).status_code == 410


@pytest.mark.parametrize(
    "token",
    [
        "kaputt",
        "W1sicGFnZXMubm90aWNlIiwgMV0:1abc:def",
        signing.dumps(["auth.user", 1], salt=preview.SALT),
        signing.dumps(["pages.notice", 99999], salt=preview.SALT),
        signing.dumps(["pages.notice", "x"], salt=preview.SALT),
        signing.dumps(["nichts.da", 1], salt=preview.SALT),
        signing.dumps("kein Paar", salt=preview.SALT),
        signing.dumps(["pages.notice", 1], salt="anderes.salz"),
    ],
    # Signed tokens carry the time: fixed names keep parallel workers' collections equal.
    ids=[
        "broken",
        "unsigned",
        "other-model",
        "missing-object",
        "bad-pk",
        "unknown-model",
        "not-a-pair",
        "other-salt",
    ],
)
def test_tampered_or_unknown_token_gets_a_friendly_404_page(client, start_page, token):
    NoticeFactory(is_published=False)
    response = client.get(f"/de/vorschau/{token}/")
    assert response.status_code == 404
    assert "Der Vorschau-Link ist ungültig" in response.content.decode()
    _assert_private(response)


def test_a_changed_pk_in_a_genuine_token_is_refused(client, start_page):
    first = NoticeFactory(is_published=False, title_de="Erster Entwurf")
    NoticeFactory(is_published=False, title_de="Zweiter Entwurf")
    token = preview.make_token(first)
    payload, rest = token.split(":", 1)
    forged = signing.b64_encode(
        signing.b64_decode(payload.encode()).replace(b"%d" % first.pk, b"%d" % (first.pk + 1))
    ).decode()
    assert client.get(f"/de/vorschau/{forged}:{rest}/").status_code == 404


def test_preview_costs_one_query_more_than_the_page(
    client, start_page, django_assert_num_queries, no_page_cache
):
    notice = NoticeFactory(is_published=False)
    client.get("/de/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as page_queries:
        client.get("/de/")
    with django_assert_num_queries(len(page_queries) + 1):
        assert client.get(preview.preview_url(notice)).status_code == 200


def test_add_page_offers_no_preview_link(editor_client):
    content = editor_client.get("/admin/pages/notice/add/").content.decode()
    assert 'name="preview_link"' not in content
    assert 'type="radio" name="is_published"' in content
