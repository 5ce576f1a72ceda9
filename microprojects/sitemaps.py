from core.sitemaps import StaticViewSitemap

sitemaps = {
    "microprojects": StaticViewSitemap(["microprojects:index", "microprojects:funded_projects"]),
}
