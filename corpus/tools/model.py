"""The shared page model of the corpus build (stdlib only).

A source module (``sources/<name>.py``) turns fetched text into ``Page``
objects; ``render.py`` / ``render_printed.py`` turn a ``Page`` into text and
``Page.answer_key()`` turns it into the answer-key JSON of corpus/README.md.
The module never writes body_start/body_end itself: they are computed here
from the article's blocks.

An article is its heading lines (column, kicker, title lines, subtitle,
byline lines printed above the body) followed by ``blocks`` in printed
order. A block is one line of the clean page:

  para      a body paragraph (only these make the body)
  subhead   a 小标题
  caption   a photo caption
  byline    a credit line inside/after the body (``X摄``, ``本报记者 X``)
  dateline  a dateline printed on its own line, e.g. ``（新华社北京1月1日电）``
  note      printed, but neither body nor credit (e.g. ``（作者为…）``)

``lead`` is the part at the start of the first paragraph that is dateline
and credit, e.g. ``本报北京3月4日电  （记者王浩）``: it is printed as part of
that paragraph but is not body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

BLOCK_KINDS = ("para", "subhead", "caption", "byline", "dateline", "note")
_WS = re.compile(r"\s+")


@dataclass
class Reporter:
    name: str
    role: str

    def to_json(self) -> dict:
        return {"name": self.name, "role": self.role}


@dataclass
class Block:
    kind: str
    text: str

    def __post_init__(self):
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"unknown block kind {self.kind!r}")


@dataclass
class Article:
    title_lines: list[str] = field(default_factory=list)
    column: str = ""
    kicker: str = ""
    subtitle: str = ""  # several 副题 lines: joined by "\n" (the key joins them with a space)
    subtitle_dash: bool = False  # the source prints the 副题 as ——副题
    byline_lines: list[str] = field(default_factory=list)  # printed above the body
    blocks: list[Block] = field(default_factory=list)
    lead: str = ""  # dateline/credit prefix of the first para (printed, not body)
    reporters: list[Reporter] = field(default_factory=list)
    dateline: str = ""
    dateline_date: str = ""
    continued_from: str = ""
    continues_to: str = ""

    @property
    def title(self) -> str:
        return "".join(t.strip() for t in self.title_lines)

    def body_text(self) -> str:
        """The body as README defines it: paragraphs only, whitespace removed."""
        paras = [b.text for b in self.blocks if b.kind == "para"]
        if paras and self.lead:
            first = paras[0]
            if not first.startswith(self.lead):
                raise ValueError(f"lead {self.lead!r} is not the start of {first[:30]!r}")
            paras[0] = first[len(self.lead):]
        return _WS.sub("", "".join(paras))

    def answer(self) -> dict:
        body = self.body_text()
        return {
            "column": self.column,
            "kicker": self.kicker,
            "title": self.title,
            "subtitle": " ".join(x.strip() for x in self.subtitle.split("\n")),
            "reporters": [r.to_json() for r in self.reporters],
            "dateline": self.dateline,
            "dateline_date": self.dateline_date,
            "body_start": body[:12],
            "body_end": body[-12:],
            "subheads": [b.text.strip() for b in self.blocks if b.kind == "subhead"],
            "captions": [b.text.strip() for b in self.blocks if b.kind == "caption"],
            "continued_from": self.continued_from,
            "continues_to": self.continues_to,
        }


@dataclass
class Page:
    paper: str  # 人民日报
    paper_slug: str  # renmin
    edition_date: str  # YYYY-MM-DD
    page_number: int
    articles: list[Article]
    repo: str  # owner/name
    commit: str
    paths: list[str]  # files inside the repo this page is built from
    licence: str
    page_name: str = ""
    # what a printed page's header shows (render_printed.py); keys:
    # date, weekday, banci (第X版 as printed), page_name, editor
    header: dict = field(default_factory=dict)
    # a raw text to use instead of render.clean() (sources that give
    # whole-page text, labelled by offsets)
    text: str | None = None

    @property
    def id(self) -> str:
        return f"{self.paper_slug}/{self.edition_date}/{self.page_number:02d}"

    @property
    def source(self) -> str:
        path = self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (+{len(self.paths) - 1})"
        return f"{self.repo}@{self.commit}:{path}"

    def answer_key(self, rendering: str = "clean") -> dict:
        pid = self.id if rendering == "clean" else f"{self.id}.{rendering}"
        return {
            "page": pid,
            "paper": self.paper,
            "paper_slug": self.paper_slug,
            "edition_date": self.edition_date,
            "page_number": self.page_number,
            "page_name": self.page_name,
            "rendering": rendering,
            "source": self.source,
            "articles": [a.answer() for a in self.articles],
        }
