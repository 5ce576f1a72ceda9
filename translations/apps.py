from django.apps import AppConfig
from django.db.models.signals import pre_save


class TranslationsConfig(AppConfig):
    name = "translations"

    def ready(self):
        from . import checks  # noqa: F401 - registers the column check
        from .status import record_saved_translations

        # Every save of a translated object keeps its translation status honest.
        pre_save.connect(record_saved_translations, dispatch_uid="record_saved_translations")

    def attention(self, request):
        """This app's part of „Was ansteht“ on the admin's start page (see core.attention)."""
        from .attention import attention

        return attention(request)
