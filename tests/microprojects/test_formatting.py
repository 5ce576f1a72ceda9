from decimal import Decimal

import pytest

from microprojects.formatting import format_amount, format_number

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("de", Decimal("5000"), f"5.000{NBSP}€"),
        ("de", Decimal("1234.5"), f"1.234,50{NBSP}€"),
        ("de", Decimal("999"), f"999{NBSP}€"),
        ("en", Decimal("5000"), "€5,000"),
        ("en", Decimal("1234.5"), "€1,234.50"),
        ("en", Decimal("1250000"), "€1,250,000"),
        ("ar", Decimal("5000"), f"5,000{NBSP}€"),
        ("ar", Decimal("1234.5"), f"1,234.50{NBSP}€"),
        ("fa", Decimal("5000"), f"5,000{NBSP}یورو"),
        ("fa", Decimal("1234.5"), f"1,234.50{NBSP}یورو"),
        ("es", Decimal("5000"), f"5000{NBSP}€"),
        ("es", Decimal("12000"), f"12.000{NBSP}€"),
        ("uk", Decimal("5000"), f"5{NBSP}000{NBSP}€"),
    ],
)
def test_amount_is_written_as_the_readers_language_writes_money(language, value, expected):
    assert format_amount(value, language) == expected


def test_amount_in_a_language_missing_from_the_table_fails_instead_of_writing_german():
    with pytest.raises(LookupError, match="SITE_LANGUAGES"):
        format_amount(Decimal("5000"), "xx")


def test_amount_rounds_half_cents_up():
    assert format_amount(Decimal("10.005"), "de") == f"10,01{NBSP}€"


def test_number_for_spreadsheets_has_cents_and_no_grouping():
    assert format_number(Decimal("5000"), "de", cents=True, grouping=False) == "5000,00"
    assert format_number(Decimal("5000"), "en", cents=True, grouping=False) == "5000.00"


def test_missing_amount_renders_as_nothing():
    assert format_amount(None, "de") == ""


def test_farsi_amount_isolates_only_the_number_so_the_word_follows_it_right_to_left():
    from django.template import Context, Template
    from django.utils import translation

    with translation.override("fa"):
        html = Template("{% load microprojects_tags %}{% amount 5000 %}").render(Context())
    assert html == f'<span class="amount"><bdi dir="ltr">5,000</bdi>{NBSP}یورو</span>'
    with translation.override("en"):
        html = Template("{% load microprojects_tags %}{% amount 5000 %}").render(Context())
    assert html == '<span dir="ltr" class="amount">€5,000</span>'
