"""The root URLconf: the only place the project package names the apps."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic.base import RedirectView

from applications.sitemaps import sitemaps as application_sitemaps
from contacts.sitemaps import sitemaps as contact_sitemaps
from core import views as core_views
from documents.sitemaps import sitemaps as document_sitemaps
from microprojects.sitemaps import sitemaps as microproject_sitemaps
from pages.sitemaps import sitemaps as page_sitemaps

sitemaps = {
    **page_sitemaps,
    **contact_sitemaps,
    **document_sitemaps,
    **microproject_sitemaps,
    **application_sitemaps,
}

urlpatterns = [
    path("", core_views.root_redirect, name="root"),
    path("healthz", core_views.healthz, name="healthz"),
    path("robots.txt", core_views.robots_txt, name="robots"),
    path(".well-known/security.txt", core_views.security_txt, name="security_txt"),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg")),
    path("medien/", include("pages.media_urls")),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("admin/uebersetzungen/", include("translations.urls")),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("pages.urls")),
    path("ansprechpersonen/", include("contacts.urls")),
    path("dokumente/", include("documents.urls")),
    path("mikroprojekte/antrag/", include("applications.urls")),
    path("mikroprojekte/", include("microprojects.urls")),
    path("suche/", include("search.urls")),
    path("vorschau/<str:token>/", core_views.preview, name="preview"),
)

handler400 = core_views.error_page("400.html", 400)
handler403 = core_views.error_page("403.html", 403)
handler404 = core_views.error_page("404.html", 404)
handler500 = core_views.server_error
