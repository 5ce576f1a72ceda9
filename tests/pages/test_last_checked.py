"""„Stand: …“ for readers: the date an editor last checked a page, never an invented one."""

import datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format

from pages.models import Page
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db


def page_text(client, path):
    """The page's HTML with runs of whitespace as one space, as a browser shows them."""
    response = client.get(path)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


CHECKED = datetime.date(2026, 3, 2)
PATHS = {
    Page.Key.HOME: "/{}/",
    Page.Key.OFFICE: "/{}/koordinierungsstelle/",
    Page.Key.IMPRINT: "/{}/impressum/",
    Page.Key.ACCESSIBILITY: "/{}/barrierefreiheit/",
}


def stand_line(code, date):
    with translation.override(code):
        label = translation.gettext("Stand:")
        shown = date_format(date, "DATE_FORMAT")
    return f'<p class="last-checked">{label} <time datetime="{date:%Y-%m-%d}">{shown}</time></p>'


@pytest.mark.parametrize("key", list(PATHS))
def test_every_fixed_page_shows_when_it_was_last_checked(client, key):
    PageFactory(key=key, last_checked=CHECKED)
    content = page_text(client, PATHS[key].format("de"))
    assert '<p class="last-checked">Stand: <time datetime="2026-03-02">2. März 2026</time></p>' in (
        content
    )


@pytest.mark.parametrize("code", ["ar", "en", "ru"])
def test_the_line_is_translated_with_the_languages_own_date(client, code):
    PageFactory(key=Page.Key.IMPRINT, last_checked=CHECKED)
    content = page_text(client, PATHS[Page.Key.IMPRINT].format(code))
    line = stand_line(code, CHECKED)
    assert line in content
    assert "Stand:" not in line and "März" not in line


def test_arabic_page_says_last_updated_with_an_arabic_month(client):
    PageFactory(key=Page.Key.PRIVACY, last_checked=CHECKED)
    content = page_text(client, "/ar/datenschutz/")
    assert 'آخر تحديث: <time datetime="2026-03-02">' in content
    assert "مارس" in content


@pytest.mark.parametrize("key", list(PATHS))
def test_a_page_never_checked_shows_no_date(client, key):
    PageFactory(key=key, last_checked=None)
    content = page_text(client, PATHS[key].format("de"))
    assert "last-checked" not in content
    assert "Stand:" not in content


def test_a_legal_page_shows_one_date_the_check_once_there_is_one(client):
    PageFactory(key=Page.Key.IMPRINT, last_checked=None)
    assert "Zuletzt geändert:" in page_text(client, "/de/impressum/")
    Page.objects.filter(key=Page.Key.IMPRINT).update(last_checked=CHECKED)
    content = page_text(client, "/de/impressum/")
    assert "Zuletzt geändert:" not in content
    assert "Stand: <time" in content
