from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Website")
    # Editors maintain this app's content in full (see core.editors).
    editor_content = True

    def ready(self):
        # Connects the signal that forgets cached page windows when an editor saves a page.
        from . import selectors  # noqa: F401
