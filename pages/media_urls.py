from django.urls import re_path

from . import views

# One address per video in every language: the files themselves are not translated.
urlpatterns = [
    re_path(
        r"^videos/(?P<pk>\d+)/(?P<kind>video|untertitel)/$", views.video_file, name="video_file"
    ),
]
