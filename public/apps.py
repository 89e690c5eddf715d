from django.apps import AppConfig


class PublicConfig(AppConfig):
    """The public site: pages, feeds, sitemaps and SEO for published articles."""

    name = "public"
    verbose_name = "网站"

    def ready(self) -> None:
        from taggit.models import TaggedItem

        from articles.models import Article, Byline, Column, Reporter, Section, SourcePage
        from articles.signals import articles_changed
        from linking.models import Alias, Entity, Mention, RelatedLink
        from linking.signals import links_changed
        from public import pagecache

        # What the public pages show; an import or edit saves some of these,
        # and announces the rest (queryset updates) with articles_changed.
        # Article pages show entity links and related articles too: an editor's
        # decision on a link or an entity must reach readers at once.
        pagecache.invalidate_on_change(
            Article, Byline, Column, Reporter, Section, SourcePage, TaggedItem, Alias, Entity, Mention, RelatedLink,
        )
        # Connected after search and linking (INSTALLED_APPS order), so the
        # pages go stale after the index and the links have followed the change.
        articles_changed.connect(pagecache.on_change, dispatch_uid="public.pagecache.articles_changed")
        # Tags, mentions and links are bulk-written: no save signals fire.
        links_changed.connect(pagecache.on_change, dispatch_uid="public.pagecache.links_changed")
