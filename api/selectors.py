"""Reads for the API: only what readers may see (Article.objects.published()), in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.db import connection
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, QuerySet, Value, When

from articles.models import Article, ArticleTombstone, Byline, Issue, Publication, SourcePage

# What the API leaves out of a printed page: its whole text, which no ninjs item carries.
_PAGE_TEXT = ("source_page__raw_text", "source_page__parse_warnings")


def ninjs_articles() -> QuerySet[Article]:
    """Published articles with all that articles.exporting.article_ninjs reads."""
    return _for_ninjs(Article.objects.published())


def _for_ninjs(articles: QuerySet[Article]) -> QuerySet[Article]:
    # 4 queries for any number: the articles with page, issue, publication and
    # column; bylines; later parts of jumped stories; tags.
    return articles.select_related("source_page__issue__publication", "column").defer(*_PAGE_TEXT).prefetch_related(
        Prefetch("bylines", queryset=Byline.objects.select_related("reporter")),
        # 转版: a jumped story is served whole, its later parts' text inside it.
        Prefetch("continuations", queryset=Article.objects.select_related("source_page").defer(*_PAGE_TEXT)),
        "tags",
    )


def publications() -> QuerySet[Publication]:
    return Publication.objects.order_by("name", "pk")


def visible_issues() -> QuerySet[Issue]:
    """Issues readers can see something of: a published article on one of their pages.

    EXISTS from the issue's pages to their articles, each found by its foreign
    key's index and stopping at the first: counting every article of a
    publication to list twenty issues would read its whole archive, and one
    EXISTS over articles joined to pages lets SQLite start from the articles."""
    shown = Article.objects.published().filter(source_page=OuterRef("pk"))
    return Issue.objects.select_related("publication").filter(
        Exists(SourcePage.objects.filter(issue=OuterRef("pk")).filter(Exists(shown)))
    )


def publication_issues(*, publication: Publication) -> QuerySet[Issue]:
    return visible_issues().filter(publication=publication).order_by("-edition_date", "-pk")


def issue_for_date(*, publication: Publication, edition_date: date) -> Issue | None:
    return visible_issues().filter(publication=publication, edition_date=edition_date).first()


def with_counts(issues: list[Issue]) -> list[Issue]:
    """Give each issue its page_count and article_count (published ones only): one query for them all."""
    pages = (
        SourcePage.objects.filter(issue__in=issues)
        .order_by()
        .annotate(shown=Count("articles", filter=Article.published_q("articles")))
        .filter(shown__gt=0)
        .values_list("issue_id", "shown")
    )
    counts: dict[int, list[int]] = {}
    for issue_id, shown in pages:
        counts.setdefault(issue_id, []).append(shown)
    for issue in issues:
        issue.page_count, issue.article_count = len(counts.get(issue.pk, [])), sum(counts.get(issue.pk, []))
    return issues


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
    articles deleted or merged after since (their tombstones; a tombstone does not
    say whether the article was ever public, so an imported draft deleted is
    reported too, by its id alone). An article written on the desk and deleted
    leaves no tombstone, so it is not reported.
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
    # The readers' filter as a value, not as conditions on status: SQLite (with
    # no ANALYZE statistics) would answer "status IN …" from the (status,
    # published_at) index, reading every published article to find the few
    # changed; this walks updated_at's index from since, in the answer's order.
    public = Case(When(Article.published_q(), then=Value(True)), default=Value(False))
    updated = Article.objects.alias(public=public).filter(public=True, updated_at__gt=since)
    return Changes(
        updated=_for_ninjs(updated).order_by("updated_at", "pk"),
        removed=sorted({*gone, *deleted}),
    )


def newest_change() -> tuple[object, int, int | None]:
    """What every API answer depends on: the newest article change, how many articles there
    are and the newest id (a deletion changes the count; a new article the id).

    Three scalar subqueries in one statement: each is answered from an index
    (updated_at's, the primary key, the smallest for COUNT), where one SELECT of
    the three aggregates makes SQLite read the whole table (5x slower at 100,000 articles).
    The newest change is as the database returns it: it is only hashed."""
    quote = connection.ops.quote_name
    table = quote(Article._meta.db_table)
    updated, pk = quote(Article._meta.get_field("updated_at").column), quote(Article._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT MAX({updated}) FROM {table}), (SELECT COUNT(*) FROM {table}), (SELECT MAX({pk}) FROM {table})"
        )
        newest, count, last = cursor.fetchone()
    return newest, count, last
