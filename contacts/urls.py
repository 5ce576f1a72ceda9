from django.urls import path

from integration_site.views import coming_soon

app_name = "contacts"

urlpatterns = [
    path("", coming_soon, {"title_key": "contacts"}, name="index"),
]
