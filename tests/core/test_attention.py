"""„Was ansteht“ on the admin's start page: each section for crafted data, and only then."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from contacts.models import Person
from documents.models import Document
from microprojects.models import FundingProgramme
from pages.models import Notice, Page
from tests.contacts.factories import MunicipalityFactory, PersonFactory
from tests.documents.factories import DocumentFactory
from tests.microprojects.factories import FundingProgrammeFactory
from tests.pages.factories import NoticeFactory, PageFactory
from tests.site_urls import XHTML, parse_html

pytestmark = pytest.mark.django_db
INDEX = "/admin/"


def panel(client):
    """The panel as {section id: [(link text, href, whole line)]}, plus the all-clear text."""
    response = client.get(INDEX)
    assert response.status_code == 200
    document, _errors = parse_html(response.content.decode())
    root = next(el for el in document.iter(f"{XHTML}section") if el.get("id") == "was-ansteht")
    sections = {}
    for block in root.iter(f"{XHTML}div"):
        key = block.get("id", "").removeprefix("ansteht-")
        lines = []
        for item in block.iter(f"{XHTML}li"):
            link = item.find(f"{XHTML}a")
            text = " ".join("".join(item.itertext()).split())
            lines.append(
                (
                    link.text if link is not None else "",
                    link.get("href") if link is not None else "",
                    text,
                )
            )
        sections[key] = lines
    all_clear = "".join(root.itertext())
    return sections, "Im Moment steht nichts an." in all_clear


def berlin(value):
    local = timezone.localtime(value)
    return f"{date_format(local, 'DATE_FORMAT')}, {local:%H:%M} Uhr"


# --- Nothing to do ----------------------------------------------------------------------


def test_with_nothing_to_do_the_panel_says_so_and_shows_no_section(admin_client):
    sections, all_clear = panel(admin_client)
    assert sections == {}
    assert all_clear


# --- Drafts -----------------------------------------------------------------------------


def test_drafts_are_counted_per_kind_and_link_to_the_filtered_list(admin_client):
    NoticeFactory(title_de="Entwurf eines Hinweises", is_published=False)
    NoticeFactory(title_de="Schon veröffentlicht", is_published=True)
    DocumentFactory(is_published=False)
    DocumentFactory(is_published=False)
    sections, all_clear = panel(admin_client)
    assert not all_clear
    assert [(text, href) for text, href, _line in sections["drafts"]] == [
        ("2 Dokumente", "/admin/documents/document/?is_published__exact=0"),
        ("1 Hinweis", "/admin/pages/notice/?is_published__exact=0"),
    ]
    listed = admin_client.get("/admin/pages/notice/?is_published__exact=0")
    assert listed.status_code == 200
    assert "Entwurf eines Hinweises" in listed.content.decode()
    assert "Schon veröffentlicht" not in listed.content.decode()


def test_without_drafts_there_is_no_drafts_section(admin_client):
    NoticeFactory(is_published=True)
    DocumentFactory(is_published=True)
    assert "drafts" not in panel(admin_client)[0]


# --- Scheduled --------------------------------------------------------------------------


def test_items_going_live_or_expiring_within_14_days_show_their_berlin_time(admin_client):
    now = timezone.now()
    live = NoticeFactory(title_de="Bald sichtbar", visible_from=now + datetime.timedelta(days=3))
    gone = DocumentFactory(title_de="Bald weg", visible_until=now + datetime.timedelta(days=2))
    NoticeFactory(title_de="Noch lange hin", visible_from=now + datetime.timedelta(days=20))
    NoticeFactory(title_de="Entwurf mit Datum", is_published=False, visible_from=now)
    lines = panel(admin_client)[0]["scheduled"]
    assert [(text, href) for text, href, _line in lines] == [
        ("Bald weg", f"/admin/documents/document/{gone.pk}/change/"),
        ("Bald sichtbar", f"/admin/pages/notice/{live.pk}/change/"),
    ]
    assert lines[0][2] == f"Bald weg (Dokument) – sichtbar bis {berlin(gone.visible_until)}"
    assert lines[1][2] == f"Bald sichtbar (Hinweis) – sichtbar ab {berlin(live.visible_from)}"
    for _text, href, _line in lines:
        assert admin_client.get(href).status_code == 200


def test_the_time_is_berlin_time_not_utc(admin_client):
    # 23:30 UTC is already the next day in Berlin, summer or winter.
    utc = (timezone.now() + datetime.timedelta(days=2)).astimezone(datetime.UTC)
    late = utc.replace(hour=23, minute=30, second=0, microsecond=0)
    NoticeFactory(title_de="Spät", visible_until=late)
    local = late.astimezone(ZoneInfo("Europe/Berlin"))
    [(_text, _href, line)] = panel(admin_client)[0]["scheduled"]
    assert line.endswith(f"{date_format(local.date(), 'DATE_FORMAT')}, {local:%H:%M} Uhr")
    assert local.day != late.day


# --- Towns ------------------------------------------------------------------------------


def test_towns_without_a_public_responsible_person_are_listed_with_links(admin_client):
    covered = MunicipalityFactory(name="Borna")
    PersonFactory().municipalities.add(covered)
    nobody = MunicipalityFactory(name="Elstertrebnitz")
    expired = MunicipalityFactory(name="Groitzsch")
    PersonFactory(visible_until=timezone.now() - datetime.timedelta(days=1)).municipalities.add(
        expired
    )
    draft_only = MunicipalityFactory(name="Kitzscher")
    PersonFactory(is_published=False).municipalities.add(draft_only)
    lines = panel(admin_client)[0]["towns"]
    assert [(text, href) for text, href, _line in lines] == [
        (town.name, f"/admin/contacts/municipality/{town.pk}/change/")
        for town in (nobody, expired, draft_only)
    ]
    assert admin_client.get(lines[0][1]).status_code == 200


def test_when_every_town_has_someone_there_is_no_towns_section(admin_client):
    PersonFactory().municipalities.add(MunicipalityFactory())
    assert "towns" not in panel(admin_client)[0]


# --- Translations -----------------------------------------------------------------------


def test_missing_and_outdated_translations_are_counted_per_language(admin_client):
    page = PageFactory(last_checked=timezone.localdate(), title_en="Imprint", summary_en="Short")
    page.body_en = "<p>Text</p>"
    page.save()
    page.title_de = "Impressum, neu"
    page.save()
    lines = dict(
        (text, (href, line)) for text, href, line in panel(admin_client)[0]["translations"]
    )
    assert lines["Englisch"] == (
        "/admin/uebersetzungen/en/",
        "Englisch – veraltet: 1",
    )
    assert lines["Arabisch"] == ("/admin/uebersetzungen/ar/", "Arabisch – fehlt: 1")
    assert len(lines) == 7
    assert admin_client.get("/admin/uebersetzungen/ar/").status_code == 200


# --- Programme --------------------------------------------------------------------------


def test_open_programme_shows_the_next_deadline_and_the_days_to_go(admin_client):
    programme = FundingProgrammeFactory(last_checked=timezone.localdate())
    today = timezone.localdate()
    deadline = programme.next_deadline(today)
    days = (deadline - today).days
    [(text, href, line)] = panel(admin_client)[0]["programme"]
    assert href == f"/admin/microprojects/fundingprogramme/{programme.pk}/change/"
    expected_days = "heute" if days == 0 else f"noch {days} Tag{'e' if days != 1 else ''}"
    assert line == (
        f"Mikroprojekte Integration – nächster Stichtag "
        f"{date_format(deadline, 'DATE_FORMAT')} ({expected_days})"
    )


def test_the_deadline_alone_is_no_reason_to_act(client, django_user_model):
    user = django_user_model.objects.create_user("programm", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["view_fundingprogramme", "change_fundingprogramme"])
    )
    client.force_login(user)
    FundingProgrammeFactory(
        last_checked=timezone.localdate(),
        own_contribution_de="Keiner.",
        eligible_costs_de="Honorare",
        project_period_de="Im Förderjahr.",
        processing_time_de="Vier Wochen.",
    )
    sections, all_clear = panel(client)
    assert set(sections) == {"programme"}
    assert all_clear


def test_paused_programme_says_so_and_names_the_planned_reopening(admin_client):
    reopening = timezone.now() + datetime.timedelta(days=40)
    FundingProgrammeFactory(
        status=FundingProgramme.Status.PAUSED,
        scheduled_status=FundingProgramme.Status.OPEN,
        scheduled_status_from=reopening,
        last_checked=timezone.localdate(),
    )
    lines = [line for _text, _href, line in panel(admin_client)[0]["programme"]]
    assert lines == [
        "Mikroprojekte Integration – ausgesetzt: keine Anträge möglich",
        "Mikroprojekte Integration – geplanter Status „Anträge möglich“ ab " + berlin(reopening),
    ]


def test_closed_programme_says_so(admin_client):
    FundingProgrammeFactory(
        status=FundingProgramme.Status.CLOSED, last_checked=timezone.localdate()
    )
    lines = [line for _text, _href, line in panel(admin_client)[0]["programme"]]
    assert lines == ["Mikroprojekte Integration – beendet: keine Anträge möglich"]


# --- Review -----------------------------------------------------------------------------


def test_pages_and_the_programme_not_checked_for_a_year_are_listed_never_checked_first(
    admin_client,
):
    today = timezone.localdate()
    long_ago = today - datetime.timedelta(days=400)
    old = PageFactory(key=Page.Key.PRIVACY, last_checked=long_ago)
    never = PageFactory(key=Page.Key.IMPRINT, last_checked=None)
    PageFactory(key=Page.Key.HOME, last_checked=today - datetime.timedelta(days=10))
    programme = FundingProgrammeFactory(last_checked=None)
    lines = panel(admin_client)[0]["review"]
    assert [(text, href) for text, href, _line in lines] == [
        (
            "Mikroprojekte Integration",
            f"/admin/microprojects/fundingprogramme/{programme.pk}/change/",
        ),
        ("Impressum", f"/admin/pages/page/{never.pk}/change/"),
        ("Datenschutzerklärung", f"/admin/pages/page/{old.pk}/change/"),
    ]
    assert lines[1][2] == "Impressum (Seite) – noch nie geprüft"
    assert lines[2][2] == (
        f"Datenschutzerklärung (Seite) – zuletzt geprüft {date_format(long_ago, 'DATE_FORMAT')}"
    )


def test_a_page_checked_exactly_a_year_ago_is_due(admin_client):
    PageFactory(last_checked=timezone.localdate() - datetime.timedelta(days=365))
    assert [text for text, _href, _line in panel(admin_client)[0]["review"]] == ["Impressum"]


# --- Permissions ------------------------------------------------------------------------


def test_the_editor_group_sees_every_section(editor_client):
    NoticeFactory(is_published=False)
    MunicipalityFactory()
    PageFactory(last_checked=None)
    FundingProgrammeFactory()
    sections, _all_clear = panel(editor_client)
    assert set(sections) == {
        "translations",
        "towns",
        "drafts",
        "programme",
        "review",
        "unconfirmed",
    }


def test_a_user_sees_only_what_they_may_change(client, django_user_model):
    user = django_user_model.objects.create_user("seiten", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="pages",
            codename__in=["view_page", "change_page", "view_notice"],
        )
    )
    client.force_login(user)
    NoticeFactory(is_published=False)
    DocumentFactory(is_published=False)
    MunicipalityFactory()
    FundingProgrammeFactory(last_checked=None)
    PageFactory(last_checked=None, is_published=False)
    sections, _all_clear = panel(client)
    # Pages only: no notice they may not change, no towns, programme or translations.
    assert set(sections) == {"drafts", "review"}
    assert [text for text, _href, _line in sections["drafts"]] == ["1 Seite"]
    assert [text for text, _href, _line in sections["review"]] == ["Impressum"]


# --- Queries ----------------------------------------------------------------------------


def _crowd(size, offset):
    now = timezone.now()
    for n in range(size):
        NoticeFactory(is_published=n % 2 == 0, visible_until=now + datetime.timedelta(days=1))
        DocumentFactory(is_published=False)
        town = MunicipalityFactory(name=f"Ort {offset + n}")
        if n % 3:
            PersonFactory().municipalities.add(town)
        PersonFactory(is_published=False)


def test_the_panel_runs_the_same_few_queries_however_much_content_exists(
    admin_client, django_assert_max_num_queries
):
    for key in Page.Key.values:
        PageFactory(key=key, last_checked=None)
    FundingProgrammeFactory()
    _crowd(2, 0)
    admin_client.get(INDEX)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(INDEX)
    _crowd(40, 100)
    with django_assert_max_num_queries(len(few.captured_queries)):
        sections, _all_clear = panel(admin_client)
    assert sections["drafts"][0][0] == "42 Dokumente"
    # Sessions, user and permissions, one per kind of translated content, one per kind of
    # publishable content, the towns, the programme, the pages' facts still to confirm and
    # the finder's places still marked as examples (Ortsteile, spellings, authorities), the
    # applications waiting for the office and their mail still waiting for the relay.
    assert len(few.captured_queries) <= 32
    assert Notice.objects.count() == 42 and Document.objects.count() == 42
    assert Person.objects.count() > 40
