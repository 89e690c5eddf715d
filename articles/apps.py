from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "稿件"

    def ready(self) -> None:
        from taggit.models import TaggedItem

        from articles import pagecache
        from articles.models import Article, Byline, Column, Reporter, Section, SourcePage
        from articles.signals import articles_changed

        # What the public pages show; an import or edit saves some of these,
        # and announces the rest (queryset updates) with articles_changed.
        pagecache.invalidate_on_change(Article, Byline, Column, Reporter, Section, SourcePage, TaggedItem)
        articles_changed.connect(pagecache.on_change, dispatch_uid="pagecache.articles_changed")
