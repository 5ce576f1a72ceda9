from integration_site.sitemaps import StaticViewSitemap

sitemaps = {"documents": StaticViewSitemap(["documents:index"])}
