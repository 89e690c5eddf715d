from django.apps import AppConfig


class LinkingConfig(AppConfig):
    """Tags, entities, related-article suggestions and near-duplicates."""

    name = "linking"
    verbose_name = "关联"

    def ready(self) -> None:
        from articles import pagecache
        from articles.signals import articles_changed
        from linking.models import Alias, Entity, Mention, RelatedLink
        from linking.receivers import relink_changed_articles

        articles_changed.connect(relink_changed_articles, dispatch_uid="linking.relink_changed_articles")
        # Article pages show entity links and related articles: an editor's
        # decision on a link or an entity must reach readers at once.
        pagecache.invalidate_on_change(Alias, Entity, Mention, RelatedLink)
