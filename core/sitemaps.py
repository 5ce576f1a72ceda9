from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class LanguageSitemap(Sitemap):
    """Every item once per site language, each entry naming the others as alternates."""

    i18n = True
    alternates = True
    x_default = True


class StaticViewSitemap(LanguageSitemap):
    """Pages that exist once per language, named by their URL name."""

    def __init__(self, url_names):
        self.url_names = url_names

    def items(self):
        return self.url_names

    def location(self, item):
        return reverse(item)
