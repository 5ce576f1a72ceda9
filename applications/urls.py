from django.urls import path, re_path

from . import views
from .tasks import SLUGS

app_name = "applications"

TOKEN = "<str:token>"  # noqa: S105 - a URL converter, not a secret

urlpatterns = [
    path("", views.start, name="start"),
    path("neu/", views.new, name="new"),
    path(f"{TOKEN}/", views.tasks, name="tasks"),
    path(f"{TOKEN}/pruefen/", views.check, name="check"),
    path(f"{TOKEN}/gesendet/", views.confirmation, name="confirmation"),
    path(f"{TOKEN}/antrag.pdf", views.application_pdf, name="pdf"),
    path(f"{TOKEN}/anlagen/<int:pk>/", views.attachment, name="attachment"),
    path(f"{TOKEN}/anlagen/<int:pk>/loeschen/", views.delete_attachment, name="delete_attachment"),
    re_path(rf"^(?P<token>[\w-]+)/(?P<slug>{SLUGS})/$", views.task, name="task"),
]
