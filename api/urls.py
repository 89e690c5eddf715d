"""/api/v1/: the operations, the OpenAPI schema (openapi.json) and its browsable docs (docs)."""

from django.urls import path

from api.views import api

urlpatterns = [path("", api.urls)]
