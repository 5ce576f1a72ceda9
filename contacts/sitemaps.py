from integration_site.sitemaps import StaticViewSitemap

sitemaps = {"contacts": StaticViewSitemap(["contacts:index"])}
