from core.sitemaps import LanguageSitemap, StaticViewSitemap

from .models import Document


class DocumentSitemap(LanguageSitemap):
    """Each published document's page; the files themselves are not pages."""

    def items(self):
        return Document.objects.published().order_by("pk")

    def lastmod(self, document):
        return document.updated_at


sitemaps = {
    "documents": StaticViewSitemap(["documents:index"]),
    "document-pages": DocumentSitemap,
}
