"""`manage.py check` fails when a translated model lacks a column for a site language."""

from django.conf import settings
from django.core import checks
from modeltranslation.translator import translator


@checks.register()
def check_translated_columns(app_configs=None, **kwargs):
    errors = []
    for model in translator.get_registered_models():
        names = {field.name for field in model._meta.get_fields()}
        for code, _name in settings.LANGUAGES:
            missing = [
                f"{field}_{code}"
                for field in translator.get_options_for_model(model).fields
                if f"{field}_{code}" not in names
            ]
            if missing:
                errors.append(
                    checks.Error(
                        f"{model._meta.label} has no column for language {code!r}: "
                        f"{', '.join(missing)}.",
                        hint="Restart with the new language in settings, then run "
                        "`manage.py makemigrations` for the app.",
                        obj=model,
                        id="translations.E001",
                    )
                )
    return errors
