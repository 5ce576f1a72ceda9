"""Languages a person can advise in, named in German (translated) and in themselves."""

from django.utils.translation import gettext_lazy as _

from core.languages import site_language


def _site(code):
    language = site_language(code)
    return (code, language.name, language.endonym, language.is_rtl)


# (code, name in the reader's language, endonym, right-to-left). Covers the main countries
# of origin in Saxony; editors who need another language ask the site's maintainers. The
# site's own languages are described by the language table.
SPOKEN_LANGUAGES = [
    _site("de"),
    _site("en"),
    _site("ar"),
    _site("fa"),
    ("prs", _("Dari"), "دری", True),
    ("ps", _("Paschtu"), "پښتو", True),
    ("ckb", _("Kurdisch (Sorani)"), "کوردی", True),
    ("kmr", _("Kurdisch (Kurmandschi)"), "Kurmancî", False),
    _site("uk"),
    _site("ru"),
    _site("tr"),
    _site("es"),
    ("fr", _("Französisch"), "Français", False),
    ("ka", _("Georgisch"), "ქართული", False),
    ("ti", _("Tigrinya"), "ትግርኛ", False),
    ("so", _("Somali"), "Soomaali", False),
    ("pl", _("Polnisch"), "Polski", False),
    ("ro", _("Rumänisch"), "Română", False),
    ("vi", _("Vietnamesisch"), "Tiếng Việt", False),
    ("sq", _("Albanisch"), "Shqip", False),
]

CHOICES = [(code, name) for code, name, _endonym, _rtl in SPOKEN_LANGUAGES]
_BY_CODE = {code: (name, endonym, rtl) for code, name, endonym, rtl in SPOKEN_LANGUAGES}


def describe(code):
    """A dict the templates use: code, translated name, endonym and direction."""
    name, endonym, rtl = _BY_CODE.get(code, (code, code, False))
    return {"code": code, "name": name, "endonym": endonym, "dir": "rtl" if rtl else "ltr"}


def is_known(code):
    return code in _BY_CODE
