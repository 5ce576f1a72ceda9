from django.urls import path

from . import views

app_name = "microprojects"

urlpatterns = [
    path("", views.index, name="index"),
    path("schnellcheck/", views.eligibility_check, name="eligibility_check"),
    path("stichtag.ics", views.deadline_ics, name="deadline_ics"),
    path("gefoerderte-projekte/", views.funded_projects, name="funded_projects"),
    path("gefoerderte-projekte/export.csv", views.funded_projects_csv, name="funded_projects_csv"),
]
