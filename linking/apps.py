from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkingConfig(AppConfig):
    """Tags, entities, related-article suggestions and near-duplicates."""

    name = "linking"
    verbose_name = _("Linking")

    def ready(self) -> None:
        from articles.signals import articles_changed
        from linking.receivers import relink_changed_articles

        articles_changed.connect(relink_changed_articles, dispatch_uid="linking.relink_changed_articles")
