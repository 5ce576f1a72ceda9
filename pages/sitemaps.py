from core.sitemaps import LanguageSitemap

from .models import Page


class PageSitemap(LanguageSitemap):
    def items(self):
        return Page.objects.public()

    def lastmod(self, obj):
        return obj.updated_at


sitemaps = {"pages": PageSitemap}
