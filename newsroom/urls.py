"""Root URLs: the admin for the newsroom, the public site for readers."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("desk/", include("editorial.urls")),
    path("", include("public.urls")),
]
