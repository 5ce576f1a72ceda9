"""Phone numbers, addresses and links stay readable in Arabic and Farsi editor text."""

import pytest

from pages.models import Page
from tests.pages.factories import NoticeFactory, PageFactory

PHONE = '<span dir="ltr">03433 241-3431</span>'
EMAIL = '<span dir="ltr">integration@lk-l.de</span>'
URL = '<span dir="ltr">https://integreat.app/landkreisleipzig</span>'


@pytest.fixture
def start_page(db):
    return PageFactory(
        key=Page.Key.HOME,
        title_de="Willkommen",
        title_ar="مرحبا",
        title_fa="خوش آمدید",
        title_en="Welcome",
    )


@pytest.fixture
def notice(start_page):
    return NoticeFactory(
        title_de="Beratung: 03433 241-3431",
        title_ar="الاستشارة: 03433 241-3431",
        title_fa="مشاوره: 03433 241-3431",
        title_en="Advice: 03433 241-3431",
        text_de="<p>Rufen Sie 03433 241-3431 an oder schreiben Sie an integration@lk-l.de.</p>",
        text_ar=(
            "<p>اتصلوا على 03433 241-3431 أو اكتبوا إلى integration@lk-l.de."
            " التطبيق: https://integreat.app/landkreisleipzig"
            ' <a href="tel:+4934332413431">03433 241-3431</a></p>'
        ),
        text_fa="<p>با 03433 241-3431 تماس بگیرید یا به integration@lk-l.de بنویسید.</p>",
        text_en="<p>Call 03433 241-3431 or write to integration@lk-l.de.</p>",
    )


def test_arabic_notice_isolates_phone_email_and_url(client, notice):
    content = client.get("/ar/").content.decode()
    assert f"<h3>الاستشارة: {PHONE}</h3>" in content
    assert (
        f"<p>اتصلوا على {PHONE} أو اكتبوا إلى {EMAIL}. التطبيق: {URL}"
        f' <a href="tel:+4934332413431" rel="noopener">{PHONE}</a></p>'
    ) in content


def test_farsi_notice_isolates_phone_and_email(client, notice):
    content = client.get("/fa/").content.decode()
    assert f"<h3>مشاوره: {PHONE}</h3>" in content
    assert f"<p>با {PHONE} تماس بگیرید یا به {EMAIL} بنویسید.</p>" in content


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/de/", "<p>Rufen Sie 03433 241-3431 an oder schreiben Sie an integration@lk-l.de.</p>"),
        ("/en/", "<p>Call 03433 241-3431 or write to integration@lk-l.de.</p>"),
    ],
)
def test_left_to_right_pages_are_unchanged(client, notice, path, text):
    content = client.get(path).content.decode()
    assert text in content
    assert "03433 241-3431</h3>" in content
    assert '<span dir="ltr">03433' not in content


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("ar", "<p>العنوان: Stauffenbergstraße 4، 04552 Borna، هاتف 03433/241-3431</p>"),
        ("fa", "<p>نشانی: Stauffenbergstraße 4، 04552 Borna، تلفن 03433/241-3431</p>"),
    ],
)
def test_page_body_isolates_postal_code_and_phone(client, db, language, body):
    PageFactory(
        key=Page.Key.IMPRINT,
        title_de="Impressum",
        **{f"title_{language}": "Impressum", f"body_{language}": body},
        body_de="<p>Stauffenbergstraße 4, 04552 Borna, Telefon 03433/241-3431</p>",
    )
    content = client.get(f"/{language}/impressum/").content.decode()
    expected = body.replace("04552", '<span dir="ltr">04552</span>').replace(
        "03433/241-3431", '<span dir="ltr">03433/241-3431</span>'
    )
    assert expected in content
    german = client.get("/de/impressum/").content.decode()
    assert "<p>Stauffenbergstraße 4, 04552 Borna, Telefon 03433/241-3431</p>" in german


def test_german_fallback_in_arabic_is_not_wrapped_again(client, db):
    PageFactory(key=Page.Key.IMPRINT, title_de="Impressum", body_de="<p>Telefon 03433 241-3431</p>")
    content = client.get("/ar/impressum/").content.decode()
    assert (
        '<div lang="de" dir="ltr" class="fallback"><p>Telefon 03433 241-3431</p></div>' in content
    )
