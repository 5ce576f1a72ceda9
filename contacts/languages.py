"""Languages a person can advise in, named in German (translated) and in themselves."""

from django.utils.translation import gettext_lazy as _

# (code, name in the reader's language, endonym, right-to-left). Covers the main countries
# of origin in Saxony; editors who need another language ask the site's maintainers.
SPOKEN_LANGUAGES = [
    ("de", _("Deutsch"), "Deutsch", False),
    ("en", _("Englisch"), "English", False),
    ("ar", _("Arabisch"), "العربية", True),
    ("fa", _("Persisch (Farsi)"), "فارسی", True),
    ("prs", _("Dari"), "دری", True),
    ("ps", _("Paschtu"), "پښتو", True),
    ("ckb", _("Kurdisch (Sorani)"), "کوردی", True),
    ("kmr", _("Kurdisch (Kurmandschi)"), "Kurmancî", False),
    ("uk", _("Ukrainisch"), "Українська", False),
    ("ru", _("Russisch"), "Русский", False),
    ("tr", _("Türkisch"), "Türkçe", False),
    ("es", _("Spanisch"), "Español", False),
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
