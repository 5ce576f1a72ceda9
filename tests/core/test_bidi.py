"""Left-to-right runs in right-to-left text: what is isolated, and what is left alone."""

import pytest
from django.utils.safestring import SafeData, mark_safe

from core.bidi import isolate_for_reader, isolate_ltr_runs


def rich(html):
    return str(isolate_ltr_runs(mark_safe(html)))  # noqa: S308 - test input


def test_phone_email_url_and_postal_code_are_isolated_in_text():
    html = (
        "<p>اتصل 03433 241-3431 أو info@lk-l.de أو https://www.landkreisleipzig.de/integration."
        " العنوان: 04552 Borna</p>"
    )
    assert rich(html) == (
        '<p>اتصل <span dir="ltr">03433 241-3431</span> أو <span dir="ltr">info@lk-l.de</span>'
        ' أو <span dir="ltr">https://www.landkreisleipzig.de/integration</span>.'
        ' العنوان: <span dir="ltr">04552</span> Borna</p>'
    )


@pytest.mark.parametrize(
    "number",
    ["03433 241-3431", "03433/241-3431", "(03433) 241-3431", "+49 3433 2413431", "0049 3433 241"],
)
def test_numbers_typed_the_usual_german_ways_are_one_run(number):
    assert rich(f"<p>هاتف {number} شكرا</p>") == f'<p>هاتف <span dir="ltr">{number}</span> شكرا</p>'


def test_number_in_a_link_href_is_untouched_but_the_link_text_is_isolated():
    html = '<p><a href="tel:+4934332413431">03433 241-3431</a></p>'
    assert rich(html) == (
        '<p><a href="tel:+4934332413431"><span dir="ltr">03433 241-3431</span></a></p>'
    )
    html = '<p><a href="https://example.org/?a=1&amp;b=2">موقع</a></p>'
    assert rich(html) == html


def test_text_already_left_to_right_is_not_wrapped_again():
    html = (
        '<p><span dir="ltr">03433 241-3431</span> <bdi dir="ltr">a@b.de</bdi>'
        '</p><p dir="ltr">Tel. 0341 123456 <b>0341 123456</b></p>'
    )
    assert rich(html) == html


def test_right_to_left_inside_left_to_right_is_isolated_again():
    html = '<p dir="ltr"><span dir="rtl">هاتف 0341 123456</span></p>'
    assert (
        rich(html)
        == '<p dir="ltr"><span dir="rtl">هاتف <span dir="ltr">0341 123456</span></span></p>'
    )


def test_arabic_indic_digits_are_left_as_the_editor_wrote_them():
    # An editor who writes Arabic-Indic or Persian digits chose a right-to-left number.
    html = "<p>هاتف ٠٣٤٣٣ ٢٤١-٣٤٣١ و ۰۳۴۳۳ ۲۴۱۳۴۳۱</p>"
    assert rich(html) == html


def test_escaped_text_stays_escaped():
    html = "<p>&lt;script&gt; 0341 123456 &amp; a&nbsp;b</p>"
    assert rich(html) == ('<p>&lt;script&gt; <span dir="ltr">0341 123456</span> &amp; a\u00a0b</p>')
    text = isolate_ltr_runs('<b onclick="x"> 0341 123456')
    assert isinstance(text, SafeData)
    assert text == '&lt;b onclick=&quot;x&quot;&gt; <span dir="ltr">0341 123456</span>'


@pytest.mark.parametrize("text", ["عام 2024", "10 أشخاص", "من 0 إلى 5", "0151", "١٢٣٤٥"])
def test_years_counts_and_short_numbers_are_left_alone(text):
    result = isolate_ltr_runs(text)
    assert result == text
    assert not isinstance(result, SafeData)


def test_text_without_runs_and_html_outside_text_come_back_unchanged():
    html = '<h2>عنوان</h2><ul><li>بند</li></ul><br><p lang="de">Text</p><!-- note -->'
    assert rich(html) == html


@pytest.mark.parametrize("language", ["de", "en", "uk", "tr"])
def test_left_to_right_languages_are_unchanged(language):
    assert isolate_for_reader("Tel. 0341 123456", language) == "Tel. 0341 123456"


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_right_to_left_languages_are_isolated(language):
    assert isolate_for_reader("0341 123456", language) == '<span dir="ltr">0341 123456</span>'
