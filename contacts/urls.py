from django.urls import path

from . import views

app_name = "contacts"

urlpatterns = [
    path("", views.index, name="index"),
    path("zustaendigkeitsfinder/", views.finder, name="finder"),
    path("zustaendigkeiten/", views.responsibilities, name="responsibilities"),
    path("zustaendigkeiten/karte/<str:filename>", views.map_image, name="map_image"),
    path("<slug:slug>/", views.person, name="person"),
    path("<slug:slug>/kontakt.vcf", views.vcard, name="vcard"),
    path("<slug:slug>/foto/<str:filename>", views.person_photo, name="photo"),
]
