from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MicroprojectsConfig(AppConfig):
    name = "microprojects"
    verbose_name = _("Mikroprojekte")
    # Editors maintain this app's content in full (see core.editors).
    editor_content = True
