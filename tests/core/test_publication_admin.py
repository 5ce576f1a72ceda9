"""The „Veröffentlichung“ section, the „Sichtbarkeit“ column and filter, in every app's admin."""

import datetime

import pytest
from django.utils import timezone

from pages.models import Notice, Page
from tests.contacts.factories import PersonFactory
from tests.documents.factories import DocumentFactory
from tests.microprojects.factories import FundingProgrammeFactory
from tests.pages.factories import NoticeFactory, PageFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
HOUR = datetime.timedelta(hours=1)


def _notice_form(**changes):
    return {
        "title_de": "Neuer Kurs",
        "text_de": "",
        "link_url": "",
        "link_text_de": "",
        "published_on": "2026-01-01",
        "order": "0",
        **changes,
    }


def test_the_add_form_offers_draft_first_and_a_new_notice_is_a_draft(editor_client):
    content = editor_client.get("/admin/pages/notice/add/").content.decode()
    assert ">Veröffentlichung</h2>" in content
    assert (
        '<input type="radio" name="is_published" value="False" class="radiolist inline" '
        'required id="id_is_published_0" checked>\n Entwurf'
    ) in content
    response = editor_client.post("/admin/pages/notice/add/", _notice_form(is_published="False"))
    assert response.status_code == 302
    assert Notice.objects.get().is_published is False
    assert Notice.objects.public().count() == 0


def test_notice_scheduled_in_berlin_time_is_stored_as_that_moment(editor_client):
    data = _notice_form(
        is_published="True",
        visible_from_0="01.12.2026",
        visible_from_1="10:00:00",
        visible_until_0="01.12.2026",
        visible_until_1="09:00:00",
    )
    response = editor_client.post("/admin/pages/notice/add/", data)
    assert response.status_code == 200
    assert "„sichtbar bis“ muss nach „sichtbar ab“ liegen." in response.content.decode()
    data["visible_until_1"] = "18:00:00"
    assert editor_client.post("/admin/pages/notice/add/", data).status_code == 302
    notice = Notice.objects.get()
    # 10:00 in Berlin in winter is 09:00 UTC.
    assert notice.visible_from == datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("entwurf", {"Entwurf"}),
        ("sichtbar", {"Sichtbar", "Bald vorbei"}),
        ("geplant", {"Geplant"}),
        ("abgelaufen", {"Abgelaufen"}),
        (None, {"Entwurf", "Sichtbar", "Bald vorbei", "Geplant", "Abgelaufen"}),
    ],
)
def test_visibility_filter_on_the_notice_list(editor_client, choice, expected):
    NoticeFactory(title_de="Entwurf", is_published=False)
    NoticeFactory(title_de="Sichtbar")
    NoticeFactory(title_de="Bald vorbei", visible_until=NOW + HOUR)
    NoticeFactory(title_de="Geplant", visible_from=NOW + HOUR)
    NoticeFactory(title_de="Abgelaufen", visible_until=NOW - HOUR)
    params = {"sichtbarkeit": choice} if choice else {}
    response = editor_client.get("/admin/pages/notice/", params)
    assert response.status_code == 200
    shown = {notice.title for notice in response.context["cl"].result_list}
    assert shown == expected
    content = response.content.decode()
    assert "Sichtbarkeit" in content
    if choice == "geplant":
        assert "geplant ab" in content


@pytest.mark.parametrize(
    ("url", "make"),
    [
        ("/admin/contacts/person/", lambda: PersonFactory(is_published=False)),
        ("/admin/documents/document/", lambda: DocumentFactory(is_published=False)),
        (
            "/admin/microprojects/fundingprogramme/",
            lambda: FundingProgrammeFactory(is_published=False),
        ),
        ("/admin/pages/page/", lambda: PageFactory(key=Page.Key.OFFICE, is_published=False)),
    ],
)
def test_every_publishable_list_has_the_column_and_filter(editor_client, url, make):
    draft = make()
    drafts = editor_client.get(url, {"sichtbarkeit": "entwurf"})
    visible = editor_client.get(url, {"sichtbarkeit": "sichtbar"})
    assert [obj.pk for obj in drafts.context["cl"].result_list] == [draft.pk]
    assert draft.pk not in [obj.pk for obj in visible.context["cl"].result_list]
    assert '<td class="field-visibility">Entwurf</td>' in drafts.content.decode()


@pytest.mark.parametrize(
    ("url", "make"),
    [
        ("/admin/contacts/person/{pk}/change/", lambda: PersonFactory()),
        ("/admin/documents/document/{pk}/change/", lambda: DocumentFactory()),
        ("/admin/microprojects/fundingprogramme/{pk}/change/", lambda: FundingProgrammeFactory()),
        ("/admin/pages/page/{pk}/change/", lambda: PageFactory(key=Page.Key.OFFICE)),
        ("/admin/pages/notice/{pk}/change/", lambda: NoticeFactory()),
    ],
)
def test_every_change_page_has_the_publication_section(editor_client, url, make):
    content = editor_client.get(url.format(pk=make().pk)).content.decode()
    for expected in (
        "Veröffentlichung",
        'type="radio" name="is_published"',
        'name="visible_from_0"',
        'name="visible_until_1"',
        'name="preview_link"',
        "Europe/Berlin",
    ):
        assert expected in content, expected
    assert content.count('name="is_published"') == 2


@pytest.mark.parametrize("key", Page.ALWAYS_PUBLIC)
@pytest.mark.parametrize(
    "changes",
    [{"is_published": "False"}, {"visible_until_0": "01.01.2020", "visible_until_1": "10:00"}],
)
def test_start_and_legal_pages_cannot_become_drafts_or_expire(editor_client, key, changes):
    page = PageFactory(key=key)
    data = {
        "key": key,
        "is_published": "True",
        "title_de": "Titel",
        "videos-TOTAL_FORMS": "0",
        "videos-INITIAL_FORMS": "0",
        "videos-MIN_NUM_FORMS": "0",
        "videos-MAX_NUM_FORMS": "1000",
        **changes,
    }
    response = editor_client.post(f"/admin/pages/page/{page.pk}/change/", data)
    assert response.status_code == 200
    assert "müssen immer sichtbar sein" in response.content.decode()
    page.refresh_from_db()
    assert page.is_published and page.visible_until is None


def test_the_office_page_may_become_a_draft(editor_client):
    page = PageFactory(key=Page.Key.OFFICE)
    data = {
        "key": page.key,
        "is_published": "False",
        "title_de": "Koordinierungsstelle",
        "videos-TOTAL_FORMS": "0",
        "videos-INITIAL_FORMS": "0",
        "videos-MIN_NUM_FORMS": "0",
        "videos-MAX_NUM_FORMS": "1000",
    }
    response = editor_client.post(f"/admin/pages/page/{page.pk}/change/", data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.is_published is False


def test_programme_admin_plans_a_status_change(editor_client):
    programme = FundingProgrammeFactory(scheduled_status="paused", scheduled_status_from=NOW + HOUR)
    content = editor_client.get(
        f"/admin/microprojects/fundingprogramme/{programme.pk}/change/"
    ).content.decode()
    for field in ("scheduled_status", "scheduled_status_from_0", "status_notice_status"):
        assert f'name="{field}"' in content
    listing = editor_client.get("/admin/microprojects/fundingprogramme/").content.decode()
    assert "ausgesetzt ab" in listing
