"""Drafts, scheduled and expired items appear nowhere readers look, until their time comes.

Each kind of publishable content gets a draft, an item scheduled for an hour from now and
one that expired an hour ago. Every public surface (pages in several languages, feeds,
sitemap, finder, vCards, downloads) is read and searched for them; then the clock moves.
"""

import datetime
import re
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from contacts.models import Person
from documents.models import Document
from pages.models import Notice, Page, Video
from tests.contacts.factories import MunicipalityFactory, PersonFactory, TeamFactory
from tests.documents.factories import CategoryFactory, DocumentFactory
from tests.microprojects.factories import FundingProgrammeFactory, StepFactory
from tests.pages.factories import NoticeFactory, PageFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
HOUR = datetime.timedelta(hours=1)
STATES = {
    "draft": {"is_published": False},
    "scheduled": {
        "is_published": True,
        "visible_from": NOW + HOUR,
        "visible_until": NOW + 3 * HOUR,
    },
    "expired": {"is_published": True, "visible_until": NOW - HOUR},
}
LANGUAGES = ["de", "en", "ar"]
POSTAL_CODE = "04999"


def _marker(kind, state):
    # One word no page contains by chance, readable in any language's page.
    return f"Zz{kind}{state}"


@pytest.fixture
def hidden_content(db):
    """Three items of each kind, none of which readers may see now."""
    PageFactory(key=Page.Key.HOME, title_de="Start")
    PageFactory(key=Page.Key.OFFICE, title_de="Koordinierungsstelle")
    team = TeamFactory(is_general_contact=True)
    town = MunicipalityFactory(name="Prüfdorf", postal_codes=[POSTAL_CODE])
    office_reports = CategoryFactory(slug="integrationskonzept")
    programme = FundingProgrammeFactory()
    step = StepFactory(programme=programme)
    made = {"notice": {}, "person": {}, "document": {}, "report": {}}
    for state, window in STATES.items():
        made["notice"][state] = NoticeFactory(title_de=_marker("notice", state), **window)
        person = PersonFactory(
            last_name=_marker("person", state),
            slug=f"person-{state}",
            team=team,
            municipalities=[town],
            **window,
        )
        programme.contact_persons.add(person)
        made["person"][state] = person
        document = DocumentFactory(
            title_de=_marker("document", state), slug=f"dokument-{state}", **window
        )
        step.step_documents.create(document=document)
        made["document"][state] = document
        made["report"][state] = DocumentFactory(
            title_de=_marker("report", state),
            slug=f"bericht-{state}",
            category=office_reports,
            **window,
        )
    return made


def _surfaces(code):
    return [
        f"/{code}/",
        f"/{code}/hinweise/feed/",
        f"/{code}/koordinierungsstelle/",
        f"/{code}/ansprechpersonen/",
        f"/{code}/ansprechpersonen/zustaendigkeiten/",
        f"/{code}/ansprechpersonen/zustaendigkeitsfinder/",
        f"/{code}/ansprechpersonen/zustaendigkeitsfinder/?ort={POSTAL_CODE}",
        f"/{code}/dokumente/",
        f"/{code}/dokumente/feed/",
        f"/{code}/mikroprojekte/",
        # Every marker starts with "Zz": one search finds whatever readers may see.
        f"/{code}/suche/?q=Zz",
        "/sitemap.xml",
    ]


def _own_addresses(item):
    """The addresses that belong to one item alone: they must answer 404 while it is hidden."""
    if isinstance(item, Person):
        url = item.get_absolute_url()
        return [url, f"{url}kontakt.vcf"]
    if isinstance(item, Document):
        return [item.get_absolute_url(), item.get_download_url()]
    return []


def _everything(client):
    text = {}
    for code in LANGUAGES:
        for path in _surfaces(code):
            response = client.get(path)
            assert response.status_code == 200, path
            assert not response.cookies, path
            # The search marks the matched part of a word: read the words whole.
            text[path] = re.sub(r"</?mark>", "", response.content.decode())
    return text


def _visible_markers(client, made):
    """{marker: [where it shows]} for every item that shows anywhere."""
    pages = _everything(client)
    found = {}
    for kind, items in made.items():
        for state, item in items.items():
            marker = _marker(kind, state)
            where = [path for path, content in pages.items() if marker in content]
            own = _own_addresses(item)
            where += [url for url in own if client.get(url).status_code != 404]
            # The sitemap names pages by address only.
            if own and own[0] in pages["/sitemap.xml"]:
                where.append("/sitemap.xml")
            if where:
                found[marker] = where
    return found


def test_nothing_hidden_shows_on_any_public_surface(client, hidden_content):
    assert _visible_markers(client, hidden_content) == {}


def test_scheduled_items_show_during_their_window_and_leave_after_it(client, hidden_content):
    with mock.patch("django.utils.timezone.now", return_value=NOW + 2 * HOUR):
        during = _visible_markers(client, hidden_content)
    with mock.patch("django.utils.timezone.now", return_value=NOW + 4 * HOUR):
        after = _visible_markers(client, hidden_content)

    expected = {_marker(kind, "scheduled") for kind in hidden_content}
    assert set(during) == expected
    # Each scheduled item shows where readers expect it, e.g. the person in the finder.
    assert (
        "/ar/ansprechpersonen/zustaendigkeitsfinder/?ort=04999"
        in during[_marker("person", "scheduled")]
    )
    assert "/en/mikroprojekte/" in during[_marker("document", "scheduled")]
    assert "/de/koordinierungsstelle/" in during[_marker("report", "scheduled")]
    assert "/ar/hinweise/feed/" in during[_marker("notice", "scheduled")]
    assert "/de/dokumente/feed/" in during[_marker("document", "scheduled")]
    assert "/sitemap.xml" in during[_marker("person", "scheduled")]
    for kind in hidden_content:
        assert "/ar/suche/?q=Zz" in during[_marker(kind, "scheduled")]
    assert after == {}


def test_a_town_whose_only_person_is_a_draft_counts_as_without_a_person(client, db):
    town = MunicipalityFactory(name="Prüfdorf", postal_codes=[POSTAL_CODE])
    PersonFactory(last_name="Zzentwurf", municipalities=[town], is_published=False)
    content = client.get(f"/de/ansprechpersonen/zustaendigkeitsfinder/?ort={POSTAL_CODE}")
    assert "Prüfdorf" in content.content.decode()
    assert "Zzentwurf" not in content.content.decode()
    from contacts.selectors import municipalities_without_responsible_person

    assert municipalities_without_responsible_person() == [town]


# --- Fixed pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("state", STATES)
def test_a_hidden_office_page_answers_404_and_leaves_menu_start_page_and_sitemap(client, db, state):
    PageFactory(key=Page.Key.HOME)
    PageFactory(key=Page.Key.OFFICE, **STATES[state])
    for code in LANGUAGES:
        assert client.get(f"/{code}/koordinierungsstelle/").status_code == 404
        home = client.get(f"/{code}/").content.decode()
        assert f'href="/{code}/koordinierungsstelle/"' not in home
    assert "/koordinierungsstelle/" not in client.get("/sitemap.xml").content.decode()

    with mock.patch("django.utils.timezone.now", return_value=NOW + 2 * HOUR):
        shown = state == "scheduled"
        assert (client.get("/de/koordinierungsstelle/").status_code == 200) is shown
        home = client.get("/de/").content.decode()
        assert ('href="/de/koordinierungsstelle/"' in home) is shown


@pytest.mark.parametrize("state", STATES)
def test_a_hidden_sign_language_page_takes_its_videos_and_footer_link_along(client, db, state):
    PageFactory(key=Page.Key.HOME)
    page = PageFactory(key=Page.Key.SIGN_LANGUAGE, **STATES[state])
    video = Video.objects.create(
        page=page,
        title_de="Die Website in DGS",
        file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="dgs.mp4"),
        duration=datetime.timedelta(minutes=2),
    )
    assert client.get("/ar/gebaerdensprache/").status_code == 404
    assert client.get(f"/medien/videos/{video.pk}/video/").status_code == 404
    assert "/ar/gebaerdensprache/" not in client.get("/ar/").content.decode()

    with mock.patch("django.utils.timezone.now", return_value=NOW + 2 * HOUR):
        shown = state == "scheduled"
        assert (client.get(f"/medien/videos/{video.pk}/video/").status_code == 200) is shown
        assert ("/ar/gebaerdensprache/" in client.get("/ar/").content.decode()) is shown


def test_published_fixed_pages_keep_their_links(client, db):
    PageFactory(key=Page.Key.HOME)
    PageFactory(key=Page.Key.OFFICE)
    PageFactory(key=Page.Key.EASY_LANGUAGE)
    home = client.get("/de/").content.decode()
    assert 'href="/de/koordinierungsstelle/"' in home
    assert 'href="/de/leichte-sprache/"' in home


@pytest.mark.parametrize("key", Page.ALWAYS_PUBLIC)
def test_the_start_page_and_legal_pages_stay_public_even_if_stored_as_drafts(client, db, key):
    # The admin refuses this (tests/pages/test_publication_admin.py); a stray row must not
    # take the imprint off the site.
    page = PageFactory(key=key)
    Page.objects.filter(pk=page.pk).update(is_published=False)
    assert client.get(page.get_absolute_url()).status_code == 200


def test_new_notice_starts_as_a_draft():
    assert Notice().is_published is False
    assert Document().is_published is False
