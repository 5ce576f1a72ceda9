from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class IntegrationSiteConfig(AppConfig):
    name = "integration_site"
    verbose_name = _("Website")

    def ready(self):
        from .editors import sync_editor_group

        post_migrate.connect(sync_editor_group, dispatch_uid="sync_editor_group")
