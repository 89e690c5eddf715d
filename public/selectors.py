"""Reads for the public site: only published articles, each listing in a fixed number of queries."""

from __future__ import annotations

import calendar
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from django.conf import settings
from django.db import connections
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BooleanField, Case, Exists, F, Model, OuterRef, Q, QuerySet, Subquery, Value, When,
)
from django.db.models.expressions import RawSQL
from django.db.models.query import RawQuerySet
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.models import Article, Byline, Issue, Publication, Section, SourcePage
from articles.prepared import Prepared

M = TypeVar("M", bound=Model)

NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000  # Google News reads at most 1,000 URLs per sitemap


def published_articles() -> QuerySet[Article]:
    """Published articles, newest first, with what a list item shows."""
    return Article.objects.published().for_listing().newest_first()


@dataclass(frozen=True)
class SearchHit:
    article: Article  # title, body, slug, dates and its page's date loaded; no other field
    reporters: list[str]  # names, in byline order


def search_hits(pks: list[int]) -> list[SearchHit]:
    """The published articles of these ids, in this order, with what a search hit shows, in two queries.

    Only the fields shown are loaded and the bylines are names, not objects:
    twenty wide rows with their page, bylines and reporters as models were a
    quarter of the search page's time.
    """
    found = Article.objects.published().filter(pk__in=pks).select_related("source_page").only(
        "title", "body", "slug", "status", "published_at", "created_at", "source_page__edition_date")
    articles = {a.pk: a for a in found}
    names: dict[int, list[str]] = {}
    bylines = Byline.objects.filter(article_id__in=articles).order_by("article_id", "position")
    for article_id, name in bylines.values_list("article_id", "reporter__name"):
        names.setdefault(article_id, []).append(name)
    return [SearchHit(articles[pk], names.get(pk, [])) for pk in pks if pk in articles]


class NewestFirst:
    """Published articles of a queryset, newest first, as a sequence Paginator can page
    (one query a page, and its prefetches, however deep the page and however many parts).

    `status IN (published, corrected) ORDER BY published_at DESC` cannot walk
    the (status, published_at) index, so the database would sort every
    published row to show twenty; `section IN (…)` neither (SectionNewest). So
    each part (one public status) takes the newest rows it could contribute by
    walking its index backwards, stopping after the page's end, and the
    database merges those few ids and keeps the page's:
    `pk IN (SELECT id FROM (part UNION ALL part …) ORDER BY published_at DESC, id
    LIMIT … OFFSET …)`. Only the page's rows are loaded, with their prefetches.
    """

    def __init__(self, queryset: QuerySet[Article]):
        self.queryset = queryset.published().newest_first()
        # The public statuses taken apart, for the index's sake (and in SectionNewest).
        self.parts = [Q(status=status) for status in Article.PUBLIC_STATUSES]

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Article]:
        start, stop = window.start or 0, window.stop
        if stop is None or window.step is not None:
            raise TypeError("NewestFirst takes a window with an end, [start:stop]")
        if stop <= start:
            return []
        # Named apart from every column: an unknown name would be read as the outer query's column.
        union, params = _union_all([
            self.queryset.filter(part).values(newest_id=F("pk"), newest_at=F("published_at"))[:stop]
            for part in self.parts
        ])
        page = (f"SELECT newest_id FROM ({union}) AS parts ORDER BY newest_at DESC, newest_id "
                f"LIMIT {int(stop - start)} OFFSET {int(start)}")
        return list(self.queryset.filter(pk__in=RawSQL(page, params)))


class SectionNewest:
    """A section's published articles (its subsections' included), newest first, as NewestFirst
    pages them, with every read compiled once per set of sections (articles.prepared): the
    count, the page's rows with their column and edition date (one query), their bylines.

    Building and compiling NewestFirst's union of parts, its prefetches and its count
    was most of the section page's CPU time; here a request only runs them. The page's
    rows are asked for by the window's bounds (each part's LIMIT and the page's LIMIT and
    OFFSET are parameters), its bylines by the ids found, padded to a full page with 0
    (no article has that id), so both compile once."""

    def __init__(self, sections: Iterable[Section], *, per_page: int):
        self.reads = _section_reads(tuple(section.pk for section in sections), per_page)

    def count(self) -> int:
        return self.reads.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Article]:
        start, stop = window.start or 0, window.stop
        if stop is None or window.step is not None or stop - start > self.reads.per_page:
            raise TypeError(f"SectionNewest takes a window of at most {self.reads.per_page}, [start:stop]")
        if stop <= start:
            return []
        articles = self.reads.rows(stop=stop, size=stop - start, start=start)
        ids = [article.pk for article in articles]
        padded = ids + [0] * (self.reads.per_page - len(ids))
        bylines: dict[int, list[Byline]] = {pk: [] for pk in ids}
        for byline in self.reads.bylines(**{f"id{n}": pk for n, pk in enumerate(padded)}):
            bylines[byline.article_id].append(byline)
        for article in articles:
            # What for_listing's prefetch leaves for `article.bylines.all`, without building a
            # queryset per article: the list, which the template iterates.
            article._prefetched_objects_cache = {"bylines": bylines[article.pk]}
        return articles


@dataclass(frozen=True)
class _SectionReads:
    per_page: int
    count: Callable[[], int]
    rows: Prepared
    bylines: Prepared


# What an article list item shows (public.templatetags.listing.article_item), and what the page cache
# notes of an article as loaded (public.pagecache._STATE_FIELDS).
_LISTING_FIELDS = (
    "id", "slug", "title", "body", "status", "published_at", "created_at", "section_id", "column_id",
    "source_page_id", "column__name", "column__slug", "source_page__edition_date",
)


@functools.lru_cache(maxsize=64)
def _section_reads(section_ids: tuple[int, ...], per_page: int) -> _SectionReads:
    """The reads of SectionNewest for these sections, built once (a section page asks
    for the same few sets of sections again and again)."""
    public = Article.objects.published().filter(section_id__in=section_ids)
    # Each part, as NewestFirst's, walks its (section, status, published_at) index backwards;
    # its LIMIT is the window's end, given as a parameter. A part is the readers' filter for
    # one public status in equalities only: with published()'s `status IN (…)` said too,
    # PostgreSQL took the index as unordered and walked the status index instead, reading
    # every published article of the other sections (10 ms for a section's 50th page).
    parts, params = [], []  # params: each part's own
    for n, (section_id, status) in enumerate((s, st) for s in section_ids for st in Article.PUBLIC_STATUSES):
        part = Article.objects.filter(continuation_of__isnull=True, status=status, section_id=section_id)
        part = part.newest_first().values(newest_id=F("pk"), newest_at=F("published_at"))
        sql, part_params = part.query.sql_with_params()
        parts.append(f"SELECT * FROM ({sql} LIMIT %s) AS part{n}")
        params.append(part_params)
    # Named apart from every column: an unknown name would be read as the outer query's column.
    window = (f"SELECT newest_id FROM ({' UNION ALL '.join(parts)}) AS parts "
              "ORDER BY newest_at DESC, newest_id LIMIT %s OFFSET %s")

    def rows(stop: int, size: int, start: int) -> QuerySet[Article]:
        window_params = [value for part_params in params for value in (*part_params, stop)] + [size, start]
        # The readers' filter said again, but not the sections: with them SQLite walked the
        # section's index testing each row against the window (10 ms), not the window's ids.
        return (
            Article.objects.published().select_related("column", "source_page").only(*_LISTING_FIELDS)
            .filter(pk__in=RawSQL(window, window_params))
            .newest_first()
        )

    count_sql, count_params = public.order_by().values("pk").query.sql_with_params()
    database = public.db

    def count() -> int:
        with connections[database].cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({count_sql}) AS counted", count_params)
            return cursor.fetchone()[0]

    names = [f"id{n}" for n in range(per_page)]
    return _SectionReads(
        per_page=per_page,
        count=count,
        rows=Prepared(rows, "stop", "size", "start"),
        bylines=Prepared(
            lambda **ids: Byline.objects.select_related("reporter").only(
                "article", "position", "reporter__name", "reporter__slug",
            ).filter(article_id__in=[ids[name] for name in names]).order_by("article_id", "position"),
            *names,
        ),
    )


def _union_all(parts: list[QuerySet]) -> tuple[str, list]:
    """The parts' rows one after the other (UNION ALL) as SQL and its parameters, each
    part with its own ORDER BY and LIMIT: Django's union() refuses those on SQLite."""
    sqls, params = [], []
    for n, part in enumerate(parts):
        sql, part_params = part.query.sql_with_params()
        sqls.append(f"SELECT * FROM ({sql}) AS part{n}")
        params.extend(part_params)
    return " UNION ALL ".join(sqls), params


# The article page's reads, compiled once (articles.prepared): compiling their
# SQL cost more CPU than the database took to answer them.
_ARTICLE_FOR_PAGE = Prepared(
    lambda pk: Article.objects.published()
    .select_related("section", "column", "source_page__issue__publication")
    # The page's raw text is the whole printed page; the article page needs only its label.
    .defer("source_page__raw_text", "source_page__parse_warnings")
    .filter(pk=pk),
    "pk",
)
_ARTICLE_BYLINES = Prepared(lambda pk: Byline.objects.select_related("reporter").filter(article=pk), "pk")
_ARTICLE_TAGS = Prepared(
    lambda content_type, pk: Tag.objects.filter(
        taggit_taggeditem_items__content_type=content_type, taggit_taggeditem_items__object_id=pk,
    ),
    "content_type", "pk",
)


def article_for_page(pk: int) -> Article | None:
    """One published article with its source page, issue, section and column (one query;
    its bylines: article_bylines, its tags: article_tags)."""
    # Not published_articles(): a list's ordering and its source_page prefetch
    # (which the join here makes a no-op) are query building a request pays for.
    rows = _ARTICLE_FOR_PAGE(pk=pk)
    return rows[0] if rows else None


def article_bylines(article: Article) -> list[Byline]:
    """The article's bylines in order, with their reporters (one query). Read on their own:
    a prefetch builds its query again on every request, a millisecond of CPU on the article page."""
    return _ARTICLE_BYLINES(pk=article.pk)


def article_tags(article: Article) -> list[Tag]:
    """The article's tags (one query). Read directly: taggit's prefetch builds twice
    the query this does, half a millisecond of CPU on every article page."""
    return _ARTICLE_TAGS(content_type=ContentType.objects.get_for_model(Article).pk, pk=article.pk)


@dataclass
class SectionGroup:
    section: Section
    children: list[Section] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)


# Every page's menu (compiled once: articles.prepared).
_SECTIONS = Prepared(lambda: Section.objects.all())


def section_with_descendants(slug: str) -> list[Section]:
    """The section of this slug first, then every section below it; [] if none has it.
    One prepared read of every section (the menu's), where a lookup by slug and
    Section.with_descendants() were two queries compiled each time."""
    sections = _SECTIONS()
    section = next((s for s in sections if s.slug == slug), None)
    return [] if section is None else section.with_descendants(among=sections)


def section_groups() -> list[SectionGroup]:
    """Top-level sections, each with its descendants (one query)."""
    sections = _SECTIONS()
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
    """Each top-level section with its latest articles, its subsections' included
    (two queries, however many sections: the sections, then their articles)."""
    groups = section_groups()
    root_of = {section.pk: group for group in groups for section in (group.section, *group.children)}
    if not root_of:
        return []
    sql, params = _latest_per_section_sql(tuple(root_of), per_section)
    rows = list(_headline_rows().filter(pk__in=RawSQL(sql, params)))
    rows.sort(key=lambda a: (-a.published_at.timestamp(), a.pk))  # as newest_first()
    for article in rows:
        group = root_of[article.section_id]
        if len(group.articles) < per_section:
            group.articles.append(article)
    return [g for g in groups if g.articles]


@functools.cache
def _headline_rows() -> QuerySet[Article]:
    """Published articles with what a headline list shows (display_title reads body only
    for untitled photo news) and the page's date for its link (Article.url_date).
    Built once: resolving it was ~0.4 ms of every home page (cloned by filter())."""
    return (
        Article.objects.published()  # said again with the ids' own filter, never too often
        .select_related("source_page")
        .only("pk", "slug", "title", "body", "section_id", "published_at", "created_at", "source_page__edition_date")
        .order_by()  # sorted by the caller, with the tie broken by pk
    )


@functools.lru_cache(maxsize=16)
def _latest_per_section_sql(section_ids: tuple[int, ...], per_section: int) -> tuple[str, tuple]:
    """The ids of each section's per_section newest public articles, as SQL and its parameters.

    A part per section and public status, as NewestFirst's: each walks the
    (section, status, published_at) index backwards and stops after
    per_section rows, where `section IN (…)` would sort the whole group and a
    query per section would cost a round trip each (25 queries on a home page
    of nine sections). Kept per set of sections, as building and compiling the
    parts costs more (8 ms for nine sections) than running them (0.5 ms on SQLite).
    """
    parts = [
        Article.objects.published().filter(section_id=section_id, status=status).newest_first().values("pk")[:per_section]
        for section_id in section_ids for status in Article.PUBLIC_STATUSES
    ]
    sql, params = _union_all(parts)
    return sql, tuple(params)


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
        .select_related("source_page__issue__publication")
        .defer("source_page__raw_text", "source_page__parse_warnings")
        .newest_first()
    )
    recent = list(base.filter(published_at__gte=timezone.now() - timedelta(days=NEWS_SITEMAP_DAYS))[:NEWS_SITEMAP_LIMIT])
    if recent:
        return recent, True
    return list(base[:NEWS_SITEMAP_LIMIT]), False


# --- the e-paper (数字报): publications, issues and their printed pages ---------------


# Stand-ins for a compiled-once query's varying id and days (see _compiled_once): no
# other parameter of those queries has these values.
_VALUE = -1
_DAY, _OTHER_DAY = date(1001, 1, 1), date(1001, 1, 2)
_SLUG = "\x00slug"


def _compiled_once(*stand_ins: object) -> Callable[[Callable[[], QuerySet[M]]], Callable[..., RawQuerySet[M]]]:
    """The query build() makes with these stand-ins for its varying parameters (an id,
    days), run as raw SQL compiled on first use with the values given for them, in order.
    Building and compiling the e-paper's queries (the readers' Case/When and Exists,
    their column lists) cost the home page about 1 ms each; running them, a tenth of
    that. Raw rows are instances as the query's own, with its columns only (the rest
    deferred), but no select_related."""

    def decorate(build: Callable[[], QuerySet[M]]) -> Callable[..., RawQuerySet[M]]:
        @functools.cache
        def compiled() -> tuple[type[M], str, tuple, Callable[[object], object]]:
            query = build()
            ops = connections[query.db].ops

            def adapt(value: object) -> object:  # a day reaches the SQL as the backend adapts it (a string on SQLite)
                return ops.adapt_datefield_value(value) if isinstance(value, date) else value

            adapted = [adapt(stand_in) for stand_in in stand_ins]

            def slot(param: object) -> object:
                n = next((n for n, a in enumerate(adapted) if type(a) is type(param) and a == param), None)
                return param if n is None else _Slot(n)

            sql, params = query.query.sql_with_params()
            return query.model, sql, tuple(slot(param) for param in params), adapt

        def run(*values: object) -> RawQuerySet[M]:
            model, sql, params, adapt = compiled()
            given = [adapt(value) for value in values]
            return model.objects.raw(sql, [given[p.n] if isinstance(p, _Slot) else p for p in params])

        return run

    return decorate


class _Slot:
    """Where the value of a compiled-once query's n-th stand-in goes in its parameters."""

    __slots__ = ("n",)

    def __init__(self, n: int):
        self.n = n


def _printed_q() -> Q:
    """What a printed page shows readers: its published stories, and the later parts
    of published stories continued onto it (转版), which lead to their first part."""
    return Article.published_q() | (Q(continuation_of__isnull=False) & Article.published_q("continuation_of"))


def _issues_with_stories() -> QuerySet[Issue]:
    # A fresh clone of one built queryset: resolving the Case/When and the Exists
    # was ~1.5 ms of CPU on every home page; clones share nothing they change.
    return _issues_with_stories_built().all()


@functools.cache
def _issues_with_stories_built() -> QuerySet[Issue]:
    # An issue imported as drafts only would tell readers what is unpublished.
    # The readers' filter as a value, not as conditions on status: SQLite (without
    # ANALYZE statistics, as after any migration that remakes the article table)
    # answered "status IN … AND continuation_of IS NULL" from the public-status
    # index, reading every published article for each issue (1 s for a month's
    # calendar at 100,000); this walks the issue's pages and their articles.
    public = Case(When(Article.published_q(), then=Value(True)), default=Value(False), output_field=BooleanField())
    printed = Article.objects.alias(public=public).filter(public=True, source_page__issue=OuterRef("pk"))
    return Issue.objects.filter(Exists(printed)).select_related("publication")


def publications_with_issues() -> list[Publication]:
    """The publications that have an issue with something published (one query)."""
    return list(_publications_with_issues())


@_compiled_once()
def _publications_with_issues() -> QuerySet[Publication]:
    # Issue by issue, each asking for one published story of its pages: asked of the
    # articles joined to their pages and issues at once, PostgreSQL hashed every page (11 ms at 100,000).
    issues = _issues_with_stories().filter(publication=OuterRef("pk"))
    return Publication.objects.filter(Exists(issues))


def main_issue(publications: list[Publication]) -> Issue | None:
    """The home page's issue, of publications_with_issues(): the latest with stories of
    settings.NEWSROOM_MAIN_PUBLICATION (a slug), else of the publication with the newest
    such issue (one query; none without publications)."""
    by_pk = {publication.pk: publication for publication in publications}
    main = next((p for p in publications if p.slug == settings.NEWSROOM_MAIN_PUBLICATION), None)
    if main is not None:
        return latest_issue(main)
    issue = next(iter(_newest_issue()), None) if publications else None
    if issue is not None:
        issue.publication = by_pk[issue.publication_id]  # it has stories, so it is among them
    return issue


@_compiled_once(_VALUE)
def _latest_issue() -> QuerySet[Issue]:
    return _issues_with_stories().select_related(None).filter(publication_id=_VALUE).order_by("-edition_date")[:1]


@_compiled_once()
def _newest_issue() -> QuerySet[Issue]:
    # The newest day first, walking the edition_date index back to the first issue with
    # stories; ordering by date and name at once would test and sort every issue.
    issues = _issues_with_stories().select_related(None)
    newest = issues.order_by("-edition_date").values("edition_date")[:1]
    return issues.filter(edition_date=Subquery(newest)).order_by("publication__name")[:1]


def latest_issue(publication: Publication) -> Issue | None:
    """The publication's newest issue with something published (one query)."""
    issue = next(iter(_latest_issue(publication.pk)), None)
    if issue is not None:
        issue.publication = publication
    return issue


def printed_issue(publication_slug: str, day: date) -> tuple[Issue, list[PrintedPage]] | None:
    """That day's issue of the publication with its publication, and its pages as issue_pages
    gives them, if it has a published story (three queries): whether it has one is whether
    one of its pages prints one, not a query of its own (the readers' Exists, planned and
    run on every issue page, was a quarter of the page's database time)."""
    issue = next(iter(_issue_of_day(publication_slug, day)), None)
    if issue is None:
        return None
    issue.publication = Publication.from_db(
        issue._state.db, ["id", "name", "short_name", "slug"],
        [issue.publication_id, issue.publication_name, issue.publication_short_name, publication_slug],
    )
    pages = issue_pages(issue)
    # A page's own stories are the issue's published ones (_issues_with_stories'); a page
    # printing only the later parts of stories from another issue is not enough.
    if not any(printed.stories for printed in pages):
        return None
    return issue, pages


@_compiled_once(_SLUG, _DAY)
def _issue_of_day() -> QuerySet[Issue]:
    # Its publication's columns by name: a compiled-once query has no select_related.
    return Issue.objects.filter(publication__slug=_SLUG, edition_date=_DAY).annotate(
        publication_name=F("publication__name"), publication_short_name=F("publication__short_name"),
    ).order_by()


@dataclass
class PrintedPage:
    """One printed page (版) of an issue with what readers see of it, in printed order.

    An entry of ``articles`` is a published story, or the later part of one
    continued onto this page; ``entry.continuation_of|default:entry`` is the story to link.
    """

    page: SourcePage
    articles: list[Article]

    @property
    def stories(self) -> list[Article]:
        """Its own stories, without the parts continued from other pages (whose headline
        an issue's overview already lists under the page they start on)."""
        return [a for a in self.articles if a.continuation_of_id is None]

    @property
    def lead(self) -> Article | None:
        """The page's first story in printed order (头条)."""
        return next(iter(self.stories), None)

    @property
    def others(self) -> list[Article]:
        return self.stories[1:]


# What a printed page's entries show (kicker, headline, subtitle, link, zone; the body for
# untitled photo news's display_title), and what the page cache notes of an article as
# loaded (public.pagecache._STATE_FIELDS).
_HEADLINE_FIELDS = (
    "id", "slug", "kicker", "title", "subtitle", "zone", "position", "continuation_of_id", "source_page_id",
    "status", "published_at", "created_at", "section_id", "column_id", "body",
)


def issue_pages(issue: Issue) -> list[PrintedPage]:
    """The issue's pages in 版次 order, each with what it prints for readers;
    pages with nothing published are left out (two queries)."""
    pages = _PAGES_OF(issue=issue.pk)
    by_page: dict[int, list[Article]] = {page.pk: [] for page in pages}
    for article in _PRINTED_ENTRIES(issue=issue.pk):
        by_page[article.source_page_id].append(article)
    pages_by_pk = {page.pk: page for page in pages}
    for page in pages:
        for article in by_page[page.pk]:
            story = article.continuation_of
            if story is not None and story.source_page_id in pages_by_pk:  # its address has the edition's date
                story.source_page = pages_by_pk[story.source_page_id]
    return _printing(issue, pages, by_page)


# 版次 order; pages without a number (a flat file's) after, by label, then file.
_PRINTED_PAGE_ORDER = (F("number").asc(nulls_last=True), "page_label", "file_name")


# The issue's pages in 版次 order, without their text (compiled once: articles.prepared;
# building and compiling this and the next were a third of the issue page's CPU).
_PAGES_OF = Prepared(
    lambda issue: SourcePage.objects.filter(issue_id=issue).defer("raw_text", "parse_warnings")
    .order_by(*_PRINTED_PAGE_ORDER),
    "issue",
)


def _printing(issue: Issue, pages: list[SourcePage], by_page: dict[int, list[Article]]) -> list[PrintedPage]:
    """The pages that print something, each entry given its page (for its address)."""
    result = []
    for page in pages:
        page.issue = issue  # its address needs the issue and publication, already loaded
        for article in by_page[page.pk]:
            article.source_page = page
        if by_page[page.pk]:
            result.append(PrintedPage(page, by_page[page.pk]))
    return result


# What an issue's pages print, with the columns they show, in printed order.
_PRINTED_ENTRIES = Prepared(
    lambda issue: Article.objects.filter(_printed_q(), source_page__issue_id=issue)
    .select_related("continuation_of")
    .only(*_HEADLINE_FIELDS, *(f"continuation_of__{name}" for name in _HEADLINE_FIELDS))
    .order_by("position", "pk"),
    "issue",
)


@_compiled_once(_VALUE)
def _front_pages() -> QuerySet[SourcePage]:
    """An issue's pages in 版次 order, with what a front shows of them (label, address, date)."""
    return (
        SourcePage.objects.filter(issue_id=_VALUE)
        .only("id", "issue_id", "number", "page_label", "name", "file_name", "edition_date")
        .order_by(*_PRINTED_PAGE_ORDER)
    )


@_compiled_once(_VALUE)
def _front_stories() -> QuerySet[Article]:
    """An issue's published stories, with the columns a page's headlines show, in printed order."""
    return (
        Article.objects.filter(Article.published_q(), source_page__issue_id=_VALUE)
        .only(*_HEADLINE_FIELDS).order_by("position", "pk")
    )


@dataclass
class IssueFront:
    """An issue as its front page shows it: 头版头条 (the front page's first story) and the
    front page's others, then each other page with its headlines."""

    issue: Issue
    front_page: PrintedPage
    pages: list[PrintedPage]

    @property
    def calendar_url(self) -> str:
        day = self.issue.edition_date
        return reverse("public:issue_calendar", kwargs={"publication": self.issue.publication.slug, "month": f"{day:%Y-%m}"})


def issue_front(issue: Issue) -> IssueFront | None:
    """The issue's front (two queries); None if nothing of it is published (any more).

    A front lists only each page's own stories (PrintedPage.stories), so the parts
    continued onto a page, and the join to their stories, are not loaded; a page
    printing only such parts is left out, as it would list nothing."""
    pages = list(_front_pages(issue.pk))
    by_page: dict[int, list[Article]] = {page.pk: [] for page in pages}
    for article in _front_stories(issue.pk):
        by_page[article.source_page_id].append(article)
    pages = _printing(issue, pages, by_page)
    return IssueFront(issue=issue, front_page=pages[0], pages=pages[1:]) if pages else None


@dataclass
class CalendarDay:
    day: date
    issue_url: str = ""  # empty: no issue with stories that day


@dataclass
class IssueCalendar:
    """往期: one month of a publication, its issue days linked, and the nearest months with issues."""

    month: date  # the first of the month
    weeks: list[list[CalendarDay | None]]  # Monday first; None pads the first and last week
    previous: date | None  # the first of the nearest earlier month with an issue
    following: date | None


def month_calendar(publication: Publication, month: date) -> IssueCalendar | None:
    """The month's calendar of the publication, or None when it has no issue that month (one query)."""
    first = month.replace(day=1)
    after = (first + timedelta(days=31)).replace(day=1)
    found = [issue.edition_date for issue in _calendar_days(publication.pk, first, after)]
    days = {day for day in found if first <= day < after}
    if not days:
        return None
    earlier = max((day for day in found if day < first), default=None)
    later = min((day for day in found if day >= after), default=None)
    # One reverse() for the month, its day swapped for each issue's: about 50 µs an address saved, 30 a month.
    head, tail = _issue_url(publication, first).rsplit(first.isoformat(), 1)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        weeks.append([
            None if d.month != first.month else CalendarDay(d, f"{head}{d.isoformat()}{tail}" if d in days else "")
            for d in week
        ])
    return IssueCalendar(
        month=first, weeks=weeks,
        previous=earlier.replace(day=1) if earlier else None,
        following=later.replace(day=1) if later else None,
    )


@_compiled_once(_VALUE, _DAY, _OTHER_DAY)
def _calendar_days() -> QuerySet[Issue]:
    """A publication's issues with stories from a first day to before another (a month's), with
    the nearest one before it and the nearest one from the other on (往期's months before and
    after). One query: the three asked apart were three compilings of the readers' Exists,
    about a third of the issue page's CPU."""
    issues = _issues_with_stories().select_related(None).filter(publication_id=_VALUE).values("pk")
    union, params = _union_all([
        issues.filter(edition_date__gte=_DAY, edition_date__lt=_OTHER_DAY).order_by(),
        issues.filter(edition_date__lt=_DAY).order_by("-edition_date")[:1],
        issues.filter(edition_date__gte=_OTHER_DAY).order_by("edition_date")[:1],
    ])
    return Issue.objects.filter(pk__in=RawSQL(union, params)).only("pk", "edition_date").order_by()


def _issue_url(publication: Publication, day: date) -> str:
    return reverse("public:issue", kwargs={"publication": publication.slug, "day": day.isoformat()})


_PAGE_HEADLINES = Prepared(
    lambda page: Article.objects.published().filter(source_page=page).order_by("position", "pk")
    .only("pk", "slug", "kicker", "title", "body", "position", "status", "published_at", "created_at",
          "source_page_id", "continuation_of_id"),
    "page",
)


def page_headlines(page: SourcePage) -> list[Article]:
    """The page's published stories in printed order, for 标题导航 and 上一篇/下一篇 (one query)."""
    headlines = _PAGE_HEADLINES(page=page.pk)
    for article in headlines:
        article.source_page = page
    return headlines


def public_corrections() -> QuerySet[Article]:
    """Published articles that carry a correction, most recently changed first
    (an article keeps no date of its correction; correcting it is its last change)."""
    return (
        Article.objects.published().filter(status=Article.Status.CORRECTED).exclude(correction="")
        .for_listing().order_by("-updated_at", "-pk")
    )
