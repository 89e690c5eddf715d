"""How to cite an article: Highwire Press meta tags (read by Google Scholar and
reference managers) and a GB/T 7714-2015 reference for the 引用本文 box."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone

from articles.models import Article, Byline

MAX_AUTHORS = 3  # GB/T 7714: the first three, then 等


@dataclass(frozen=True)
class Citation:
    title: str
    authors: list[str]
    paper: str  # 报名
    date: date | None  # the edition date (出版日期)
    page: str  # 版次, as a number where the page has one

    @property
    def gbt7714(self) -> str:
        """作者. 题名[N]. 报名, 出版日期(版次). — GB/T 7714-2015, newspaper article."""
        authors = ", ".join(self.authors[:MAX_AUTHORS]) + (", 等" if len(self.authors) > MAX_AUTHORS else "")  # GB/T 7714 writes 等 in a Chinese reference, whatever the site language
        where = self.paper + (f", {self.date:%Y-%m-%d}" if self.date else "") + (f"({self.page})" if self.page else "")
        return f"{authors + '. ' if authors else ''}{self.title}[N]. {where}."


def citation(article: Article, *, bylines: list[Byline]) -> Citation:
    """The article's citation from what its page has loaded already (bylines, source page, issue): no query."""
    page = article.source_page
    day = page.edition_date or (timezone.localdate(article.published_at) if article.published_at else None)
    return Citation(
        title=article.display_title,
        authors=[byline.reporter.name for byline in bylines],
        # The newspaper's name: the page's outlet may be a byline's 青岛日报/观海新闻 (paper and app).
        paper=page.issue.publication.name if page.issue_id is not None else (page.outlet or settings.SITE_NAME),
        date=day,
        page=str(page.number) if page.number is not None else page.page_label,
    )
