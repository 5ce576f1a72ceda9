"""Parts of a page kept under the generations of the apps they show: reused, never stale."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

from contacts.models import Person
from core import pagecache
from microprojects.models import FundingProgramme
from pages.models import Notice, Page
from tests.contacts.factories import PersonFactory, TeamFactory
from tests.microprojects.factories import FundingProgrammeFactory
from tests.pages.factories import NoticeFactory, PageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def start():
    PageFactory(key=Page.Key.HOME, title_de="Willkommen", body_de="<p>Start</p>")
    PageFactory(key=Page.Key.EASY_LANGUAGE, title_de="Leichte Sprache")
    person = PersonFactory(team=TeamFactory(is_general_contact=True), phone="+4934332410")
    programme = FundingProgrammeFactory()
    return person, programme


def get(path="/de/"):
    """A fresh anonymous reader: the page cache and its fragments answer."""
    return Client().get(path).content.decode()


def fragments():
    return [key for key in cache._cache if ":fragment:" in key]


def test_fragments_are_kept_and_a_notice_edit_reuses_the_contact_card(start):
    get()
    kept = fragments()
    assert len(kept) >= 5  # head links, header, footer, programme card, contact card
    NoticeFactory(title_de="Neue Sprechzeiten")
    body = get()
    assert "Neue Sprechzeiten" in body and 'href="tel:+4934332410"' in body
    # The notice belongs to the pages app: the contact and programme cards were reused.
    assert set(kept) <= set(fragments())


def test_a_person_edit_shows_on_the_next_start_page(start):
    person, _programme = start
    assert 'href="tel:+4934332410"' in get()
    Person.objects.filter(pk=person.pk).update(phone="+4934332419999")
    assert 'href="tel:+4934332419999"' in get()


def test_a_programme_status_change_shows_on_the_next_start_page(start):
    _person, programme = start
    assert "card__status--open" in get()
    FundingProgramme.objects.filter(pk=programme.pk).update(status=FundingProgramme.Status.PAUSED)
    assert "card__status--open" not in get()


def test_the_menu_marks_the_page_it_is_on(start):
    for path in ("/de/ansprechpersonen/", "/de/dokumente/", "/de/ansprechpersonen/"):
        menu = get(path).split('class="main-nav"')[1].split("</nav>")[0]
        (current,) = [line for line in menu.splitlines() if 'aria-current="page"' in line]
        assert f'href="{path}"' in current


def test_hiding_a_page_removes_its_footer_link_on_the_next_request(start):
    assert "/de/leichte-sprache/" in get()
    Page.objects.get(key=Page.Key.EASY_LANGUAGE).save_base()  # nothing changed: still there
    assert "/de/leichte-sprache/" in get()
    page = Page.objects.get(key=Page.Key.EASY_LANGUAGE)
    page.is_published = False
    page.save()
    assert "/de/leichte-sprache/" not in get()


def test_the_language_links_follow_the_address(start):
    assert 'href="/ar/ansprechpersonen/?page=2"' in get("/de/ansprechpersonen/?page=2")
    assert 'href="/ar/dokumente/"' in get("/de/dokumente/")


def test_a_write_raises_only_its_apps_fragment_generation(start):
    get()
    before = cache.get_many(pagecache.APP_GENERATION_KEYS.values())
    Notice.objects.update(title_de="Anders")
    after = cache.get_many(pagecache.APP_GENERATION_KEYS.values())
    keys = pagecache.APP_GENERATION_KEYS
    changed = {app for app, key in keys.items() if before[key] != after[key]}
    assert changed == {"pages"}


def test_editors_get_freshly_rendered_parts(start, admin_user: User):
    editor = Client()
    editor.force_login(admin_user)
    cache.clear()
    editor.get("/de/")
    assert fragments() == []
