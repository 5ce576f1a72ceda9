from core.sitemaps import StaticViewSitemap

sitemaps = {
    "microprojects": StaticViewSitemap(
        ["microprojects:index", "microprojects:eligibility_check", "microprojects:funded_projects"]
    ),
}
