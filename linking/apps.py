from django.apps import AppConfig


class LinkingConfig(AppConfig):
    """Tags, entities, related-article suggestions and near-duplicates."""

    name = "linking"
    verbose_name = "关联"

    def ready(self) -> None:
        from articles.signals import articles_changed
        from linking.receivers import relink_changed_articles

        articles_changed.connect(relink_changed_articles, dispatch_uid="linking.relink_changed_articles")
