from core.sitemaps import StaticViewSitemap

# Only the start page: a draft's pages are private to whoever holds its link.
sitemaps = {"applications": StaticViewSitemap(["applications:start"])}
