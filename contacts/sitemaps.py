from django.contrib.sitemaps import Sitemap

from integration_site.sitemaps import StaticViewSitemap

from .models import Person


class PersonSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

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
