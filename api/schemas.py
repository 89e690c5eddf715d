"""The shapes the API answers with; they are also its OpenAPI schema."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema

from articles.exporting import NINJS_SCHEMA

MAX_LIMIT = 100

# A ninjs item is articles.exporting.article_ninjs() as is: its schema is IPTC's, not restated here.
NinjsItem = dict[str, Any]
_NINJS = format_lazy("{} ({})", _("IPTC ninjs 3.1 items"), NINJS_SCHEMA)


class Window(Schema):
    """Which part of a list to answer with: offset from the start, at most limit items."""

    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


class PublicationOut(Schema):
    slug: str
    name: str
    short_name: str


class IssueOut(Schema):
    publication: str = Field(..., description=_("The publication's slug"))
    edition_date: date
    page_count: int = Field(..., description=_("Printed pages with a published article"))
    article_count: int = Field(..., description=_("Published articles in the issue"))

    @staticmethod
    def resolve_publication(issue) -> str:
        return issue.publication.slug


class PageOut(Schema):
    number: int = Field(..., description=_("The page's number in the issue"))
    name: str = Field(..., description=_("The page's name, as printed"))
    label: str = Field(..., description=_("The page number as printed, such as A01"))
    article_count: int = Field(..., description=_("Published articles on the page"))
    credits: list[str] = Field(..., description=_("The page's staff lines as printed (本版编辑, 美编, 校对, 本版摄影)"))

    @staticmethod
    def resolve_label(page) -> str:
        return page.page_label

    @staticmethod
    def resolve_credits(page) -> list[str]:
        return page.credits.splitlines()


class Listed(Schema):
    total: int = Field(..., description=_("How many there are in all"))
    limit: int
    offset: int


class PublicationList(Listed):
    items: list[PublicationOut]


class IssueList(Listed):
    items: list[IssueOut]


class PageList(Listed):
    items: list[PageOut]


class ArticleList(Listed):
    items: list[NinjsItem] = Field(..., description=_NINJS)


class ChangeList(ArticleList):
    since: datetime
    next_since: datetime = Field(
        ..., description=_("The since of the next request: a minute before this answer, so it may repeat a few items")
    )
    removed: list[int] = Field(..., description=_("Ids of articles that are no longer public: drop them"))


class Message(Schema):
    detail: str
