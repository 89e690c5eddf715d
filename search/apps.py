from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Chinese full-text search: one backend per database vendor."""

    name = "search"
    verbose_name = _("Full-text search")

    def ready(self) -> None:
        from articles.signals import articles_changed
        from search.receivers import reindex

        articles_changed.connect(reindex, dispatch_uid="search.reindex")
