"""The API's operations, /api/v1/…: read-only, published articles only, each list in a fixed number of queries.

django-ninja builds the OpenAPI schema (/api/v1/openapi.json) and the docs page
(/api/v1/docs) from these signatures and api.schemas; docs/api.md says why ninja.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Query
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from api import selectors
from api.caching import revalidated
from api.schemas import (
    ArticleList,
    ChangeList,
    IssueList,
    IssueOut,
    Message,
    NinjsItem,
    PageList,
    PublicationList,
    Window,
)
from articles.exporting import article_ninjs
from articles.models import Issue, Publication, SourcePage
from search.selectors import search_ranked

api = NinjaAPI(
    title=_("Newsroom API"),
    version="1",
    description=_(
        "Read-only API of the paper: publications, issues, printed pages and published articles "
        "as IPTC ninjs 3.1 items, search, and changes since a time."
    ),
    urls_namespace="api",
)

NOT_FOUND = {404: Message}
# Longer than any writing transaction (an editorial save, one page's import).
CHANGES_OVERLAP = timedelta(seconds=60)
EDITIONS = _("Editions")
ARTICLES = _("Articles")


def _window(rows: QuerySet, window: Window) -> dict:
    """One page of a list in a stable order: its count and its rows (two queries, plus the rows' prefetches)."""
    return {
        "total": rows.count(),
        "limit": window.limit,
        "offset": window.offset,
        "items": list(rows[window.offset : window.offset + window.limit]),
    }


def _publication(slug: str) -> Publication:
    publication = selectors.publications().filter(slug=slug).first()
    if publication is None:
        raise HttpError(404, gettext("No such publication."))
    return publication


def _issue(slug: str, edition_date: date) -> Issue:
    issue = selectors.issue_for_date(publication=_publication(slug), edition_date=edition_date)
    if issue is None:
        raise HttpError(404, gettext("No issue of this publication on that date."))
    return issue


def _page(slug: str, edition_date: date, number: int) -> SourcePage:
    page = selectors.issue_pages(issue=_issue(slug, edition_date)).filter(number=number).first()
    if page is None:
        raise HttpError(404, gettext("No such page in this issue."))
    return page


@api.get("/publications", response=PublicationList, tags=[EDITIONS], summary=_("Publications"))
@decorate_view(revalidated)
def publication_list(request: HttpRequest, window: Query[Window]):
    return _window(selectors.publications(), window)


@api.get("/publications/{slug}/issues", response={200: IssueList, **NOT_FOUND}, tags=[EDITIONS],
         summary=_("Issues of a publication, newest first"))
@decorate_view(revalidated)
def issue_list(request: HttpRequest, slug: str, window: Query[Window]):
    listed = _window(selectors.publication_issues(publication=_publication(slug)), window)
    return {**listed, "items": selectors.with_counts(listed["items"])}


@api.get("/publications/{slug}/issues/{edition_date}", response={200: IssueOut, **NOT_FOUND}, tags=[EDITIONS],
         summary=_("One issue, by its edition date"))
@decorate_view(revalidated)
def issue_detail(request: HttpRequest, slug: str, edition_date: date):
    return selectors.with_counts([_issue(slug, edition_date)])[0]


@api.get("/publications/{slug}/issues/{edition_date}/pages", response={200: PageList, **NOT_FOUND},
         tags=[EDITIONS], summary=_("Printed pages of an issue, in page order"))
@decorate_view(revalidated)
def page_list(request: HttpRequest, slug: str, edition_date: date, window: Query[Window]):
    return _window(selectors.issue_pages(issue=_issue(slug, edition_date)), window)


@api.get("/publications/{slug}/issues/{edition_date}/pages/{number}/articles",
         response={200: ArticleList, **NOT_FOUND}, tags=[ARTICLES],
         summary=_("Published articles of a printed page, in printed order"))
@decorate_view(revalidated)
def page_articles(request: HttpRequest, slug: str, edition_date: date, number: int, window: Query[Window]):
    listed = _window(selectors.page_articles(page=_page(slug, edition_date, number)), window)
    return {**listed, "items": [article_ninjs(article) for article in listed["items"]]}


@api.get("/articles/{article_id}", response={200: NinjsItem, **NOT_FOUND}, tags=[ARTICLES],
         summary=_("One published article (a story printed on two pages is whole)"))
@decorate_view(revalidated)
def article_detail(request: HttpRequest, article_id: int):
    article = selectors.article_by_id(article_id)
    if article is None:
        raise HttpError(404, gettext("No such article."))
    return article_ninjs(article)


@api.get("/search", response=ArticleList, tags=[ARTICLES], summary=_("Search published articles, best first"))
@decorate_view(revalidated)
def search(request: HttpRequest, window: Query[Window], q: str = Query(..., min_length=1, max_length=200)):
    ids = search_ranked(q)  # lazy: counted in the database, one window of ids read
    shown = selectors.articles_in_order(list(ids[window.offset : window.offset + window.limit]))
    return {"total": ids.count(), "limit": window.limit, "offset": window.offset,
            "items": [article_ninjs(article) for article in shown]}


@api.get("/changes", response=ChangeList, tags=[ARTICLES],
         summary=_("Published articles changed after a time, and the ids of those taken down"))
@decorate_view(revalidated)
def changes(request: HttpRequest, since: datetime, window: Query[Window]):
    # Taken before the reads, and early by CHANGES_OVERLAP: a save stamps
    # updated_at before its transaction commits, so a change committed while
    # this answer is read may bear an earlier time; the next request repeats
    # that last stretch instead of missing it. Items are upserted by uri.
    next_since = timezone.now() - CHANGES_OVERLAP
    if timezone.is_naive(since):
        since = timezone.make_aware(since)
    found = selectors.changes_since(since)
    listed = _window(found.updated, window)
    return {**listed, "items": [article_ninjs(article) for article in listed["items"]],
            "since": since, "next_since": max(since, next_since), "removed": found.removed}
