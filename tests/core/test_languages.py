"""One table of site languages; a language missing anywhere fails loudly, never falls back."""

import dataclasses

import pytest
from django.conf import settings
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from core import languages
from core.languages import SITE_LANGUAGES, site_language
from microprojects.formatting import format_amount

POLISH = ("pl", "Polnisch")


def test_settings_languages_are_the_tables_languages_in_its_order():
    assert [code for code, _name in settings.LANGUAGES] == [lang.code for lang in SITE_LANGUAGES]


def test_every_table_entry_is_complete():
    for language in SITE_LANGUAGES:
        assert language.endonym and language.script
        assert language.direction in {"ltr", "rtl"}
        assert "{number}" in language.amount.pattern


def test_right_to_left_languages_come_from_the_table(client, demo_content):
    rtl = {language.code for language in SITE_LANGUAGES if language.is_rtl}
    assert rtl == {"ar", "fa"}
    for code, _name in settings.LANGUAGES:
        content = client.get(f"/{code}/").content.decode()
        direction = "rtl" if code in rtl else "ltr"
        script = site_language(code).script
        assert f'<html lang="{code}" dir="{direction}" data-script="{script}">' in content


def test_a_language_added_only_to_settings_fails_every_check_that_needs_it(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, POLISH]
    with pytest.raises(SystemCheckError) as error:
        call_command("check")
    message = str(error.value)
    # The table entry, the interface catalogue and the translated columns are all named.
    assert "core.E001" in message and "'pl' is not in core.languages.SITE_LANGUAGES" in message
    assert "core.E002" in message and "locale/pl/LC_MESSAGES/django.po" in message
    assert "translations.E001" in message and "title_pl" in message


def test_a_language_added_to_the_table_still_needs_its_catalogue_and_columns(settings, monkeypatch):
    polish = dataclasses.replace(site_language("de"), code="pl", name="Polnisch", endonym="Polski")
    monkeypatch.setattr(languages, "SITE_LANGUAGES", (*SITE_LANGUAGES, polish))
    settings.LANGUAGES = [*settings.LANGUAGES, POLISH]
    with pytest.raises(SystemCheckError) as error:
        call_command("check")
    message = str(error.value)
    assert "core.E001" not in message
    assert "core.E002" in message and "translations.E001" in message


def test_a_language_missing_from_the_table_breaks_pages_and_amounts_loudly(
    settings, client, demo_content
):
    settings.LANGUAGES = [*settings.LANGUAGES, POLISH]
    with pytest.raises(LookupError):
        format_amount(5000, "pl")
    # The language switcher of every page needs the endonym: no page quietly leaves it out.
    client.raise_request_exception = True
    with pytest.raises(LookupError, match="'pl'"):
        client.get("/de/")


def test_the_project_passes_the_language_checks():
    ours = ("core.", "translations.")
    assert [error for error in run_checks() if error.id.startswith(ours)] == []
