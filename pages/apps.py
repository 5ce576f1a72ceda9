from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Website")
    # Editors maintain this app's content in full (see core.editors).
    editor_content = True

    def ready(self):
        from core.history import register

        # Connects the signal that forgets cached page windows when an editor saves a page.
        from . import selectors  # noqa: F401
        from .models import Notice, Page, Video

        # Registered after modeltranslation has added the language columns, so every
        # stored state holds every language.
        register(Page, follow=("videos",))
        register(Video)
        register(Notice)

    def attention(self, request):
        """This app's part of „Was ansteht“ on the admin's start page (see core.attention)."""
        from .attention import attention

        return attention(request)
