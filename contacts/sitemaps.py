from core.sitemaps import LanguageSitemap, StaticViewSitemap

from .models import Person


class PersonSitemap(LanguageSitemap):
    def items(self):
        return Person.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


sitemaps = {
    "contacts": StaticViewSitemap(
        ["contacts:index", "contacts:finder", "contacts:responsibilities"]
    ),
    "contact_people": PersonSitemap,
}
