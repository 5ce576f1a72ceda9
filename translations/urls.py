from django.urls import path

from . import views

# Admin pages outside the model admin; not namespaced, as the admin templates link them.
urlpatterns = [
    path("", views.overview, name="translation_overview"),
    path("export/", views.export, name="translation_export"),
    path("import/", views.import_preview, name="translation_import"),
    path("import/uebernehmen/", views.import_apply, name="translation_import_apply"),
    path("<str:language>/", views.language_detail, name="translation_overview_language"),
]
