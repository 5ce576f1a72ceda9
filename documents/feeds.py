from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from translations.feeds import FEED_LENGTH, TranslatedFeed

from .models import Document


def document_date(document):
    """When the document last changed for readers: an edit, or going live when scheduled."""
    if document.visible_from:
        return max(document.updated_at, document.visible_from)
    return document.updated_at


class DocumentFeed(TranslatedFeed):
    """New and updated documents that readers may see now, the latest change first."""

    title = _("Neue Dokumente – Koordinierungsstelle für Integration")
    subtitle = _("Neue und aktualisierte Berichte und Formulare der Koordinierungsstelle.")
    summary_field = "description"

    def link(self):
        return reverse("documents:index")

    def items(self):
        return Document.objects.published().order_by("-updated_at", "-pk")[:FEED_LENGTH]

    def item_link(self, document):
        return document.get_absolute_url()

    def item_updateddate(self, document):
        return document_date(document)
