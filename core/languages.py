"""The site's languages: one table, from which everything language-specific derives.

Settings (`LANGUAGES`), the language switcher, `<html dir>`, amount notation and the admin's
language names all read this table. A language that is missing here fails loudly – a
`LookupError` at run time and an error from `manage.py check` – instead of quietly borrowing
German conventions. Adding a language: README, "Add a language".

Imported by the settings, so it must not import models or read settings at import time.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

NBSP = "\u00a0"


@dataclass(frozen=True)
class AmountStyle:
    """How a language writes a euro amount (after CLDR's conventions)."""

    decimal: str
    group: str
    pattern: str
    # Spanish writes 5000 but 10.000: grouping starts only from five digits.
    min_grouping: int = 1
    # The currency is a word in the text's own script ("یورو"), not the sign.
    word: bool = False


@dataclass(frozen=True)
class SiteLanguage:
    code: str
    # The name in German, translated into the reader's language where it is shown.
    name: str | Promise
    # The name in the language itself, as the switcher shows it.
    endonym: str
    direction: str
    # ISO 15924 script code, for the `data-script` hook of the stylesheet.
    script: str
    amount: AmountStyle

    @property
    def is_rtl(self):
        return self.direction == "rtl"


# A no-break space keeps "5.000 €" together on one line.
_EURO_AFTER = "{number}" + NBSP + "€"
_EURO_BEFORE = "€{number}"
# Persian text names the currency after the number ("۵٬۰۰۰ یورو"); the site keeps Western
# digits, as for dates and phone numbers. The review found "€5,000" foreign to Farsi readers.
_EURO_WORD_FA = "{number}" + NBSP + "یورو"

# The order is the order of the language switcher. German is the source language.
SITE_LANGUAGES = (
    SiteLanguage("de", _("Deutsch"), "Deutsch", "ltr", "Latn", AmountStyle(",", ".", _EURO_AFTER)),
    SiteLanguage(
        "en", _("Englisch"), "English", "ltr", "Latn", AmountStyle(".", ",", _EURO_BEFORE)
    ),
    # Arabic keeps the amount before the sign with Western digits, as CLDR's Latin-digit
    # Arabic locales do: the same digits as the dates, years and phone numbers on the page.
    SiteLanguage("ar", _("Arabisch"), "العربية", "rtl", "Arab", AmountStyle(".", ",", _EURO_AFTER)),
    SiteLanguage(
        "fa",
        _("Persisch (Farsi)"),
        "فارسی",
        "rtl",
        "Arab",
        AmountStyle(".", ",", _EURO_WORD_FA, word=True),
    ),
    SiteLanguage(
        "uk", _("Ukrainisch"), "Українська", "ltr", "Cyrl", AmountStyle(",", NBSP, _EURO_AFTER)
    ),
    SiteLanguage(
        "ru", _("Russisch"), "Русский", "ltr", "Cyrl", AmountStyle(",", NBSP, _EURO_AFTER)
    ),
    SiteLanguage("tr", _("Türkisch"), "Türkçe", "ltr", "Latn", AmountStyle(",", ".", _EURO_BEFORE)),
    SiteLanguage(
        "es", _("Spanisch"), "Español", "ltr", "Latn", AmountStyle(",", ".", _EURO_AFTER, 2)
    ),
)

SOURCE_LANGUAGE = "de"


def site_language(code):
    """The table entry of a site language; a language missing from the table is an error."""
    for language in SITE_LANGUAGES:
        if language.code == code:
            return language
    raise LookupError(
        f"Language {code!r} is not in core.languages.SITE_LANGUAGES; "
        "add it there (see README, 'Add a language')."
    )


def settings_languages():
    """`LANGUAGES` for the settings: (code, German name) in switcher order."""
    return [(language.code, language.name) for language in SITE_LANGUAGES]


def language_codes():
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES]


def target_languages():
    """The languages content is translated into: every site language but German."""
    return tuple(code for code in language_codes() if code != SOURCE_LANGUAGE)


def current_language():
    return (get_language() or SOURCE_LANGUAGE).split("-")[0]


def language_name(code):
    """A site language's name in the reader's language, e.g. "Englisch" on a German page."""
    return str(site_language(code).name)
