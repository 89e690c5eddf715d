from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "稿件"

    def ready(self) -> None:
        from django.db.models.signals import post_delete
        from taggit.models import TaggedItem

        from articles import pagecache
        from articles.models import Article, Byline, Column, Reporter, Section, SourcePage
        from articles.services.importing import on_article_deleted
        from articles.signals import articles_changed

        # What the public pages show; an import or edit saves some of these,
        # and announces the rest (queryset updates) with articles_changed.
        pagecache.invalidate_on_change(Article, Byline, Column, Reporter, Section, SourcePage, TaggedItem)
        articles_changed.connect(pagecache.on_change, dispatch_uid="pagecache.articles_changed")
        # Imported articles that editors delete or merge away must not be re-created by the next import.
        post_delete.connect(on_article_deleted, sender=Article, dispatch_uid="importing.tombstone")
