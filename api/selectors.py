"""Reads for the API: only what readers may see (Article.objects.published()), in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Max, Prefetch, QuerySet

from articles.models import Article, ArticleTombstone, Byline, Issue, Publication, SourcePage

# What the API leaves out of a printed page: its whole text, which no ninjs item carries.
_PAGE_TEXT = ("source_page__raw_text", "source_page__parse_warnings")


def ninjs_articles() -> QuerySet[Article]:
    """Published articles with all that articles.exporting.article_ninjs reads: 4 queries for any number
    (the articles with page, issue, publication and column; bylines; later parts of jumped stories; tags)."""
    return (
        Article.objects.published()
        .select_related("source_page__issue__publication", "column")
        .defer(*_PAGE_TEXT)
        .prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("reporter")),
            # 转版: a jumped story is served whole, its later parts' text inside it.
            Prefetch("continuations", queryset=Article.objects.select_related("source_page").defer(*_PAGE_TEXT)),
            "tags",
        )
    )


def publications() -> QuerySet[Publication]:
    return Publication.objects.order_by("name", "pk")


def visible_issues() -> QuerySet[Issue]:
    """Issues readers can see something of (a published article on one of their pages), with their counts."""
    public = Article.published_q("pages__articles")
    return Issue.objects.select_related("publication").annotate(
        page_count=Count("pages", filter=public, distinct=True),
        article_count=Count("pages__articles", filter=public),
    ).filter(article_count__gt=0)


def publication_issues(*, publication: Publication) -> QuerySet[Issue]:
    return visible_issues().filter(publication=publication).order_by("-edition_date", "-pk")


def issue_for_date(*, publication: Publication, edition_date: date) -> Issue | None:
    return visible_issues().filter(publication=publication, edition_date=edition_date).first()


def issue_pages(*, issue: Issue) -> QuerySet[SourcePage]:
    """The printed pages of an issue that carry a published article, in page order (版次), with their counts."""
    return (
        issue.pages.filter(number__isnull=False)
        .defer("raw_text", "parse_warnings")
        .annotate(article_count=Count("articles", filter=Article.published_q("articles")))
        .filter(article_count__gt=0)
        .order_by("number")
    )


def page_articles(*, page: SourcePage) -> QuerySet[Article]:
    """The page's published articles in printed order."""
    return ninjs_articles().filter(source_page=page).order_by("position", "pk")


def article_by_id(pk: int) -> Article | None:
    """One published article (a draft, an unpublished or spiked one, or a later part of a jumped story: None)."""
    return ninjs_articles().filter(pk=pk).first()


def articles_in_order(ids: list[int]) -> list[Article]:
    """The published ones among ids, in the order of ids."""
    found = {article.pk: article for article in ninjs_articles().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


@dataclass(frozen=True)
class Changes:
    updated: QuerySet[Article]  # published and changed after the time, oldest change first
    removed: list[int]  # ids no longer public: unpublished, spiked, joined to another part, deleted


def changes_since(since: datetime) -> Changes:
    """What changed for readers after since.

    Removed are the articles once published (published_at is kept when one is
    taken down) that are not public now and changed after since, and imported
    articles deleted or merged after since (their tombstones). An article written
    on the desk and deleted leaves no tombstone, so it is not reported.
    """
    gone = (
        Article.objects.exclude(Article.published_q())
        .filter(updated_at__gt=since, published_at__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    deleted = (
        ArticleTombstone.objects.filter(created_at__gt=since, article_pk__isnull=False)
        .order_by("article_pk")
        .values_list("article_pk", flat=True)
    )
    return Changes(
        updated=ninjs_articles().filter(updated_at__gt=since).order_by("updated_at", "pk"),
        removed=sorted({*gone, *deleted}),
    )


def newest_change() -> tuple[datetime | None, int, int | None]:
    """What every API answer depends on, in one indexed query: the newest article change, how many
    articles there are and the newest id (a deletion changes the count; a new article the id)."""
    row = Article.objects.aggregate(newest=Max("updated_at"), count=Count("pk"), last=Max("pk"))
    return row["newest"], row["count"], row["last"]
