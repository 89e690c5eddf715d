"""Root URLs: the admin for the newsroom, the JSON API for the paper's app, the public site for readers."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("desk/", include("editorial.urls")),
    path("api/v1/", include("api.urls")),
    path("", include("public.urls")),
]
