from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    """The core: articles and their pages, the importer and exports. It imports no other app of ours."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from articles.models import Article
        from articles.services.importing import on_article_deleted

        # Imported articles that editors delete or merge away must not be re-created by the next import.
        post_delete.connect(on_article_deleted, sender=Article, dispatch_uid="importing.tombstone")
