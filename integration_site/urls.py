from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic.base import RedirectView

from contacts.sitemaps import sitemaps as contact_sitemaps
from documents.sitemaps import sitemaps as document_sitemaps
from microprojects.sitemaps import sitemaps as microproject_sitemaps

from . import translation_admin, views
from .models import Page
from .sitemaps import PageSitemap

sitemaps = {"pages": PageSitemap, **contact_sitemaps, **document_sitemaps,
            **microproject_sitemaps}

# Pages with their own view are left out of the generic page route.
legal_keys = "|".join(
    key for key in Page.Key.values if key not in (Page.Key.HOME, Page.Key.OFFICE)
)

urlpatterns = [
    path("", views.root_redirect, name="root"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", RedirectView.as_view(url=settings.STATIC_URL + "img/favicon.svg")),
    re_path(r"^medien/videos/(?P<pk>\d+)/(?P<kind>video|untertitel)/$", views.video_file,
            name="video_file"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("admin/uebersetzungen/", translation_admin.overview, name="translation_overview"),
    path("admin/uebersetzungen/export/", translation_admin.export, name="translation_export"),
    path("admin/uebersetzungen/import/", translation_admin.import_preview,
         name="translation_import"),
    path("admin/uebersetzungen/import/uebernehmen/", translation_admin.import_apply,
         name="translation_import_apply"),
    path("admin/uebersetzungen/<str:language>/", translation_admin.language_detail,
         name="translation_overview_language"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("koordinierungsstelle/", views.office, name="office"),
    path("ansprechpersonen/", include("contacts.urls")),
    path("dokumente/", include("documents.urls")),
    path("mikroprojekte/", include("microprojects.urls")),
    re_path(rf"^(?P<key>{legal_keys})/$", views.page, name="page"),
)

handler400 = views.error_page("400.html", 400)
handler403 = views.error_page("403.html", 403)
handler404 = views.error_page("404.html", 404)
handler500 = views.server_error
