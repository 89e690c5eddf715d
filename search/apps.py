from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Chinese full-text search: one backend per database vendor."""

    name = "search"
    verbose_name = "全文检索"

    def ready(self) -> None:
        from articles.signals import articles_changed
        from search.receivers import reindex

        articles_changed.connect(reindex, dispatch_uid="search.reindex")
