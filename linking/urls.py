"""Public entity pages, mounted at /entities/."""

from django.urls import path

from linking import views

app_name = "linking"

urlpatterns = [
    path("<slug:slug>/", views.entity_detail, name="entity"),
]
