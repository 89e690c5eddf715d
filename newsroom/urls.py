"""Root URLs: the admin for the newsroom, the JSON API for the paper's app, the public site for readers."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.functional import lazy

# The install's name (settings.SITE_NAME), not "Django 管理", heads every desk
# page; read when a page renders, in the language it renders in.
admin.site.site_header = admin.site.site_title = admin.site.index_title = lazy(lambda: str(settings.SITE_NAME), str)()
# The article list needs the width at 1280 px; the index and breadcrumbs lead everywhere the sidebar does.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("admin/", admin.site.urls),
    path("desk/", include("editorial.urls")),
    path("api/v1/", include("api.urls")),
    # Before the public site, whose /<publication>/ address would take "media".
    *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),  # DEBUG only: [] otherwise
    path("", include("public.urls")),
]
