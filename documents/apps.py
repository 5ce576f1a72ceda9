from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Dokumente")
    # Editors maintain this app's content in full (see core.editors).
    editor_content = True

    def ready(self):
        from core.history import register

        from .models import Category, Document

        # Registered after modeltranslation has added the language columns, so every
        # stored state holds every language.
        register(Category)
        # The files keep their own history (DocumentVersion); restoring the text of a
        # document leaves the file it serves as it is.
        register(Document, keep=("current_version", "current_since"))

    def attention(self, request):
        """This app's part of „Was ansteht“ on the admin's start page (see core.attention)."""
        from .attention import attention

        return attention(request)
