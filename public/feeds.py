"""RSS and Atom feeds: the whole site, each section and each reporter."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from articles.models import Article, Reporter, Section
from public import seo
from public.selectors import published_articles
from text.bodytext import text_to_blocks

FEED_LENGTH = 30


class LatestArticlesFeed(Feed):
    """Newest published articles; subclasses narrow items() through get_object()."""

    language = "zh-cn"

    def title(self, obj=None) -> str:
        return f"{settings.SITE_NAME} 最新稿件"

    def link(self, obj=None) -> str:
        return reverse("public:home")

    def description(self, obj=None) -> str:
        return self.title(obj)

    subtitle = description  # Atom's name for it

    def items(self, obj=None) -> QuerySet[Article]:
        return self.articles(obj).prefetch_related("section")[:FEED_LENGTH]

    def articles(self, obj) -> QuerySet[Article]:
        return published_articles()

    def item_title(self, item: Article) -> str:
        return item.display_title

    def item_description(self, item: Article) -> str:
        return seo.description(item, text_to_blocks(item.body))

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str:
        return "、".join(b.reporter.name for b in item.bylines.all())

    def item_categories(self, item: Article) -> list[str]:
        return [item.section.name] if item.section_id else []


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed


class SectionFeed(LatestArticlesFeed):
    def get_object(self, request, slug: str) -> Section:
        return get_object_or_404(Section, slug=slug)

    def title(self, obj: Section) -> str:
        return f"{settings.SITE_NAME} {obj}"

    def link(self, obj: Section) -> str:
        return obj.get_absolute_url()

    def articles(self, obj: Section) -> QuerySet[Article]:
        return published_articles().in_section(obj)


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed


class ReporterFeed(LatestArticlesFeed):
    def get_object(self, request, slug: str) -> Reporter:
        return get_object_or_404(Reporter, slug=slug)

    def title(self, obj: Reporter) -> str:
        return f"{settings.SITE_NAME} 记者 {obj.name}"

    def link(self, obj: Reporter) -> str:
        return obj.get_absolute_url()

    def articles(self, obj: Reporter) -> QuerySet[Article]:
        return published_articles().by_reporter(obj)


class ReporterAtomFeed(ReporterFeed):
    feed_type = Atom1Feed
