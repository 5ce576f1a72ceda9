from django.urls import path

from . import views
from .feeds import DocumentFeed

app_name = "documents"

urlpatterns = [
    path("", views.index, name="index"),
    # Before the documents' own addresses; Document.clean keeps the slug "feed" free.
    path("feed/", DocumentFeed(), name="feed"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/download/", views.download, name="download"),
    path("<slug:slug>/vorschau.png", views.preview, name="preview"),
    path(
        "<slug:slug>/fassungen/<int:number>/download/",
        views.version_download,
        name="version_download",
    ),
]
