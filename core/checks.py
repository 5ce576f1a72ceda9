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


DOWNLOAD_OFFLOAD_MODES = ("", "nginx", "redirect")


@checks.register(checks.Tags.compatibility)
def check_download_offload(app_configs=None, **kwargs):
    """DOWNLOAD_OFFLOAD names a known mode; "redirect" needs an object store that signs."""
    from django.core.files.storage import default_storage

    from .downloads import is_object_store

    mode = settings.DOWNLOAD_OFFLOAD
    if mode not in DOWNLOAD_OFFLOAD_MODES:
        return [
            checks.Error(
                f"DOWNLOAD_OFFLOAD={mode!r} is not one of {DOWNLOAD_OFFLOAD_MODES!r}.",
                id="core.E003",
            )
        ]
    if mode == "redirect" and not is_object_store(default_storage):
        return [
            checks.Error(
                'DOWNLOAD_OFFLOAD="redirect" needs media on an object store (MEDIA_S3_BUCKET).',
                hint='Use "nginx" for files on the local disk.',
                id="core.E004",
            )
        ]
    return []
