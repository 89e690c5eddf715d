from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Chinese full-text search: one backend per database vendor."""

    name = "search"
    verbose_name = _("Full-text search")

    def ready(self) -> None:
        from django.db.models.signals import pre_delete

        from articles.models import Article
        from articles.signals import articles_changed
        from search.receivers import reindex, removed

        articles_changed.connect(reindex, dispatch_uid="search.reindex")
        pre_delete.connect(removed, sender=Article, dispatch_uid="search.removed")
