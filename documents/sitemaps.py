from django.contrib.sitemaps import Sitemap

from integration_site.sitemaps import StaticViewSitemap

from .models import Document


class DocumentSitemap(Sitemap):
    """Each published document's page; the files themselves are not pages."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Document.objects.published().order_by("pk")

    def lastmod(self, document):
        return document.updated_at


sitemaps = {
    "documents": StaticViewSitemap(["documents:index"]),
    "document-pages": DocumentSitemap,
}
