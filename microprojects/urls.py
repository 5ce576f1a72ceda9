from django.urls import path

from integration_site.views import coming_soon

app_name = "microprojects"

urlpatterns = [
    path("", coming_soon, {"title_key": "microprojects"}, name="index"),
]
