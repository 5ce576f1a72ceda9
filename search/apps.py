from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Suche")
    # Editors see and clear what readers looked for in vain (see core.editors).
    editor_content = True

    def ready(self):
        from . import index

        index.connect_signals()
