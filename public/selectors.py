"""Reads for the public site: only published articles, each listing in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from articles.models import Article, Section

NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000  # Google News reads at most 1,000 URLs per sitemap


def published_articles() -> QuerySet[Article]:
    """Published articles, newest first, with what a list item shows."""
    return Article.objects.published().for_listing().newest_first()


class NewestFirst:
    """Published articles of a queryset, newest first, as a sequence Paginator can page.

    `status IN (published, corrected) ORDER BY published_at DESC` cannot walk
    the (status, published_at) index, so the database would sort every
    published row to show twenty. Asked instead one public status at a time,
    each query walks the index backwards and stops after the rows needed; the
    few rows are merged here.
    """

    def __init__(self, queryset: QuerySet[Article]):
        self.queryset = queryset.newest_first()

    def count(self) -> int:
        return self.queryset.published().count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Article]:
        # The one place that takes the public statuses apart, for the index's sake.
        rows = [a for status in Article.PUBLIC_STATUSES for a in self.queryset.filter(status=status)[:window.stop]]
        rows.sort(key=lambda a: (a.published_at, a.pk), reverse=True)
        return rows[window]


def article_for_page(pk: int) -> Article | None:
    """One published article with its byline, tags and source page (3 queries)."""
    return (
        published_articles()
        .select_related("section", "source_page")
        # The page's raw text is the whole printed page; the article page needs only its label.
        .defer("source_page__raw_text", "source_page__parse_warnings")
        .prefetch_related("tags")
        .filter(pk=pk)
        .first()
    )


@dataclass
class SectionGroup:
    section: Section
    children: list[Section] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)


def section_groups() -> list[SectionGroup]:
    """Top-level sections, each with its descendants (one query)."""
    sections = list(Section.objects.all())
    groups = {s.pk: SectionGroup(s) for s in sections if s.parent_id is None}
    by_pk = {s.pk: s for s in sections}
    for section in sections:
        root = section
        while root.parent_id is not None:
            root = by_pk[root.parent_id]
        if root is not section:
            groups[root.pk].children.append(section)
    return list(groups.values())


def home_groups(*, per_section: int) -> list[SectionGroup]:
    """Each top-level section with its latest articles, its subsections' included.

    One section at a time, as NewestFirst goes one status at a time: each
    query walks the (section, status, published_at) index backwards and stops
    after per_section rows; `section IN (…)` would sort the whole group.
    """
    groups = section_groups()
    for group in groups:
        newest = [
            article
            for section in (group.section, *group.children)
            for article in NewestFirst(Article.objects.filter(section=section))[:per_section]
        ]
        newest.sort(key=lambda a: (a.published_at, a.pk), reverse=True)
        group.articles = newest[:per_section]
    return [g for g in groups if g.articles]


def published_between(start: date, end: date) -> QuerySet[Article]:
    """Published on local days start <= day < end."""
    return published_articles().published_between(start, end)


def news_sitemap_articles() -> tuple[list[Article], bool]:
    """Articles for the Google News sitemap, and whether they are the recent ones.

    Google News wants the last two days. A paper imported from older pages has
    none that recent; then the newest NEWS_SITEMAP_LIMIT are listed instead,
    so the sitemap is never empty.
    """
    base = (
        Article.objects.published()
        .select_related("source_page")
        .defer("source_page__raw_text", "source_page__parse_warnings")
        .newest_first()
    )
    recent = list(base.filter(published_at__gte=timezone.now() - timedelta(days=NEWS_SITEMAP_DAYS))[:NEWS_SITEMAP_LIMIT])
    if recent:
        return recent, True
    return list(base[:NEWS_SITEMAP_LIMIT]), False


def public_corrections() -> QuerySet[Article]:
    """Published articles that carry a correction, most recently changed first
    (an article keeps no date of its correction; correcting it is its last change)."""
    return (
        Article.objects.published().filter(status=Article.Status.CORRECTED).exclude(correction="")
        .for_listing().order_by("-updated_at", "-pk")
    )
