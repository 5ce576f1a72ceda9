from django.urls import path, re_path

from . import views
from .feeds import NoticeFeed
from .models import Page

# Pages with their own view are left out of the generic page route.
legal_keys = "|".join(key for key in Page.Key.values if key not in (Page.Key.HOME, Page.Key.OFFICE))

# Not namespaced: every template links the start and office pages by these short names.
urlpatterns = [
    path("", views.home, name="home"),
    path("koordinierungsstelle/", views.office, name="office"),
    path("hinweise/feed/", NoticeFeed(), name="notices_feed"),
    re_path(rf"^(?P<key>{legal_keys})/$", views.page, name="page"),
]
