"""„Stand: …“ for readers: the date an editor last checked a page, never an invented one."""

import datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format

from pages.models import Page
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db
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
    content = client.get(PATHS[key].format("de")).content.decode()
    assert '<p class="last-checked">Stand: <time datetime="2026-03-02">2. März 2026</time></p>' in (
        content
    )


@pytest.mark.parametrize("code", ["ar", "en", "ru"])
def test_the_line_is_translated_with_the_languages_own_date(client, code):
    PageFactory(key=Page.Key.IMPRINT, last_checked=CHECKED)
    content = client.get(PATHS[Page.Key.IMPRINT].format(code)).content.decode()
    line = stand_line(code, CHECKED)
    assert line in content
    assert "Stand:" not in line and "März" not in line


def test_arabic_page_says_last_updated_with_an_arabic_month(client):
    PageFactory(key=Page.Key.PRIVACY, last_checked=CHECKED)
    content = client.get("/ar/datenschutz/").content.decode()
    assert 'آخر تحديث: <time datetime="2026-03-02">' in content
    assert "مارس" in content


@pytest.mark.parametrize("key", list(PATHS))
def test_a_page_never_checked_shows_no_date(client, key):
    PageFactory(key=key, last_checked=None)
    content = client.get(PATHS[key].format("de")).content.decode()
    assert "last-checked" not in content
    assert "Stand:" not in content
