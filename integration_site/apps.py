from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class IntegrationSiteConfig(AppConfig):
    name = "integration_site"
    verbose_name = _("Website")

    def ready(self):
        from .editors import sync_editor_group
        from .translation_state import record_saved_translations

        post_migrate.connect(sync_editor_group, dispatch_uid="sync_editor_group")
        # Every save of a translated object keeps its translation status honest.
        pre_save.connect(record_saved_translations, dispatch_uid="record_saved_translations")
