"""`manage.py check` fails when a site language lacks anything it needs.

Each language in settings.LANGUAGES needs an entry in the language table, a catalogue of
interface strings and, on every translated model, its own columns (one migration).
"""

from django.conf import settings
from django.core import checks

from .languages import SOURCE_LANGUAGE, site_language


@checks.register()
def check_site_languages(app_configs=None, **kwargs):
    from modeltranslation.translator import translator

    errors = []
    for code, _name in settings.LANGUAGES:
        try:
            site_language(code)
        except LookupError as error:
            errors.append(checks.Error(str(error), id="core.E001"))
        if code != SOURCE_LANGUAGE and not any(
            (path / code / "LC_MESSAGES" / "django.po").exists()
            for path in map(_as_path, settings.LOCALE_PATHS)
        ):
            errors.append(
                checks.Error(
                    f"Language {code!r} has no interface catalogue "
                    f"locale/{code}/LC_MESSAGES/django.po.",
                    hint="Run `make catalogues` and translate the new catalogue.",
                    id="core.E002",
                )
            )
        for model in translator.get_registered_models():
            fields = translator.get_options_for_model(model).fields
            missing = [
                f"{field}_{code}" for field in fields if not _has_field(model, f"{field}_{code}")
            ]
            if missing:
                errors.append(
                    checks.Error(
                        f"{model._meta.label} has no column for language {code!r}: "
                        f"{', '.join(missing)}.",
                        hint="Restart with the new language in settings, then run "
                        "`manage.py makemigrations` for the app.",
                        obj=model,
                        id="core.E003",
                    )
                )
    return errors


def _as_path(path):
    from pathlib import Path

    return Path(path)


def _has_field(model, name):
    return any(field.name == name for field in model._meta.get_fields())
