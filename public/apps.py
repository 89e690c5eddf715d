from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The public site: pages, feeds, sitemaps and SEO for published articles."""

    name = "public"
    verbose_name = _("Website")

    def ready(self) -> None:
        from public import pagecache

        # Cached pages go stale by scope when what they show changes: saves and
        # deletes of the models the pages show, and the announcements of bulk
        # writes (articles_changed, links_changed), which send no save signals.
        # Connected after search and linking (INSTALLED_APPS order), so the
        # pages go stale after the index and the links have followed the change.
        pagecache.connect()
