from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Website")
    # Editors maintain this app's content in full (see core.editors).
    editor_content = True
