from django.urls import path

from integration_site.views import coming_soon

app_name = "documents"

urlpatterns = [
    path("", coming_soon, {"title_key": "documents"}, name="index"),
]
