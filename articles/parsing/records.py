"""Plain records produced by the page parser.

These are the contract between the Django-free parser and the persistence
service (``articles.services.importing``): nothing here knows about models.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Body blocks and their kinds are the shared text rules' (text.bodytext, no Django).
from text.bodytext import CAPTION, PARAGRAPH, SUBHEAD, Block  # noqa: F401 (re-exported)

from .warnings import WarningDict

# Longest text each field may hold: the max_length of the field that stores it
# (articles/models.py). A longer headline part was not a headline.
MAX_LENGTHS = {
    "column": 50,
    "kicker": 200,
    "title": 200,
    "subtitle": 300,
    "dateline": 100,
    "continued_from": 50,
    "continues_to": 50,
}
MAX_NAME, MAX_OUTLET, MAX_ROLE = 50, 100, 20
MAX_PAGE_LABEL = 50
MAX_FILE_NAME = 255


class PageRejected(Exception):
    """A file that cannot be imported; the message names the file and the reason."""

    def __init__(self, file_name: str, reason: str):
        self.file_name = file_name
        self.reason = reason
        super().__init__(f"{file_name}: {reason}")


@dataclass(frozen=True)
class BylineRecord:
    name: str
    role: str  # 记者, 通讯员, 见习记者, 实习生, 摄影 …
    outlet: str = ""  # e.g. "某某日报/某某新闻" (paper/its app); "" when the byline names none


@dataclass
class ArticleRecord:
    position: int  # 1-based order on the page
    span: tuple[int, int]  # [start, end) character offsets in the page text
    column: str = ""  # 栏目 banner
    kicker: str = ""  # 引题
    title: str = ""  # 主题; "" for photo news printed without a headline
    subtitle: str = ""  # 副题
    bylines: list[BylineRecord] = field(default_factory=list)
    dateline: str = ""  # raw, e.g. "本报10月10日讯"
    dateline_month: int | None = None
    dateline_day: int | None = None
    blocks: list[Block] = field(default_factory=list)
    continued_from: str = ""  # "第N版" from a "(上接第N版)" line
    continues_to: str = ""  # e.g. "第二版" from "(下转第二版)"
    warnings: list[WarningDict] = field(default_factory=list)  # see parsing.warnings

    @property
    def paragraphs(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == PARAGRAPH]

    @property
    def subheads(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == SUBHEAD]

    @property
    def captions(self) -> list[str]:
        return [b.text for b in self.blocks if b.kind == CAPTION]

    @property
    def body(self) -> str:
        """Paragraphs only, separated by one blank line."""
        return "\n\n".join(self.paragraphs)


@dataclass
class PageRecord:
    file_name: str
    sha256: str
    text: str  # the decoded page text that spans point into
    encoding: str = "utf-8"
    outlet: str = ""
    edition_date: str = ""  # ISO date when the page states it
    page_label: str = ""  # e.g. "第一版" when the page states it
    page_name: str = ""  # 版名, e.g. "要闻", when the page header states it
    # The page's staff lines as printed (本版编辑：某某  美编：某某, 本版摄影 某某), in page order.
    credits: list[str] = field(default_factory=list)
    articles: list[ArticleRecord] = field(default_factory=list)
    warnings: list[WarningDict] = field(default_factory=list)  # see parsing.warnings
