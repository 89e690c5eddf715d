"""RSS and Atom feeds: the whole site, each section and each reporter."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.models import Article, Reporter, Section
from public import seo
from public.selectors import published_articles
from text.bodytext import text_to_blocks

FEED_LENGTH = 30


class LatestArticlesFeed(Feed):
    """Newest published articles; subclasses narrow items() through get_object().

    Everything here is plain text (titles, bylines and section names come from
    imports and the desk), but feed readers render some elements as HTML: every
    text element of RSS, which cannot say an element is plain text, and Atom's
    summary, which Django marks type="html". Those are escaped. Atom's other
    elements are type="text" and readers show them as they are, so escaping
    them would put "&amp;lt;" on the reader's screen.
    """

    language = "zh-cn"
    route = "public:rss"  # this feed's own address, for its self link

    # Absolute on SITE_URL, as canonical links are: Django would put the request's host on a path.
    def feed_url(self, obj=None) -> str:
        return seo.absolute_url(reverse(self.route, args=[obj.slug] if obj is not None else []))

    def item_link(self, item: Article) -> str:
        return seo.absolute_url(item.get_absolute_url())

    def _text(self, value: str) -> str:
        """value for an element of this feed that readers may take for HTML."""
        return value if issubclass(self.feed_type, Atom1Feed) else escape(value)

    def title(self, obj=None) -> str:
        return self._text(_("%(site)s: latest articles") % {"site": settings.SITE_NAME})

    def link(self, obj=None) -> str:
        return seo.absolute_url(reverse("public:home"))

    def description(self, obj=None) -> str:
        return self.title(obj)

    subtitle = description  # Atom's name for it

    def items(self, obj=None) -> QuerySet[Article]:
        return self.articles(obj).prefetch_related("section")[:FEED_LENGTH]

    def articles(self, obj) -> QuerySet[Article]:
        return published_articles()

    def item_title(self, item: Article) -> str:
        return self._text(item.display_title)

    def item_description(self, item: Article) -> str:
        # RSS description and Atom summary type="html" alike: always HTML to readers.
        return escape(seo.description(item, text_to_blocks(item.body)))

    def item_pubdate(self, item: Article):
        return item.published_on  # the edition's (for_listing loads the page's date)

    def item_updateddate(self, item: Article):
        return item.updated_at

    def item_author_name(self, item: Article) -> str:
        return self._text("、".join(b.reporter.name for b in item.bylines.all()))

    def item_categories(self, item: Article) -> list[str]:
        return [self._text(item.section.name)] if item.section_id else []


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    route = "public:atom"


class SectionFeed(LatestArticlesFeed):
    route = "public:section_rss"

    def get_object(self, request, slug: str) -> Section:
        return get_object_or_404(Section, slug=slug)

    def title(self, obj: Section) -> str:
        return self._text(f"{settings.SITE_NAME} {obj}")

    def link(self, obj: Section) -> str:
        return seo.absolute_url(obj.get_absolute_url())

    def articles(self, obj: Section) -> QuerySet[Article]:
        return published_articles().in_section(obj)


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed
    route = "public:section_atom"


class ReporterFeed(LatestArticlesFeed):
    route = "public:reporter_rss"

    def get_object(self, request, slug: str) -> Reporter:
        # A merged reporter's feed goes on as the feed of the reporter it was merged into.
        reporter = Reporter.objects.filter(slug=slug).first() or Reporter.objects.merged_into(slug)
        if reporter is None:
            raise Http404("no such reporter")
        # As on the reporter's page: imports create reporters for drafts too, and
        # a feed of one with nothing published would name who is about to appear.
        if not self.articles(reporter).exists():
            raise Http404("nothing published here yet")
        return reporter

    def title(self, obj: Reporter) -> str:
        return self._text(_("%(site)s: reporter %(name)s") % {"site": settings.SITE_NAME, "name": obj.name})

    def link(self, obj: Reporter) -> str:
        return seo.absolute_url(obj.get_absolute_url())

    def articles(self, obj: Reporter) -> QuerySet[Article]:
        return published_articles().by_reporter(obj)


class ReporterAtomFeed(ReporterFeed):
    feed_type = Atom1Feed
    route = "public:reporter_atom"
