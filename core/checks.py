"""`manage.py check` fails when a site language lacks its table entry or its catalogue.

The translated models' columns per language are checked by the translations app.
"""

from pathlib import Path

from django.conf import settings
from django.core import checks

from .languages import SOURCE_LANGUAGE, site_language


@checks.register()
def check_site_languages(app_configs=None, **kwargs):
    errors = []
    for code, _name in settings.LANGUAGES:
        try:
            site_language(code)
        except LookupError as error:
            errors.append(checks.Error(str(error), id="core.E001"))
        catalogues = [
            Path(path) / code / "LC_MESSAGES" / "django.po" for path in settings.LOCALE_PATHS
        ]
        if code != SOURCE_LANGUAGE and not any(path.exists() for path in catalogues):
            errors.append(
                checks.Error(
                    f"Language {code!r} has no interface catalogue "
                    f"locale/{code}/LC_MESSAGES/django.po.",
                    hint="Run `make catalogues` and translate the new catalogue.",
                    id="core.E002",
                )
            )
    return errors
