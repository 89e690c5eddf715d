"""The site's URLs plus the bare view every served page is compared with."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    # Through the same middleware as every page: what is left is Django and the server.
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("__bench__/bare/", bare), *site_urlpatterns]
