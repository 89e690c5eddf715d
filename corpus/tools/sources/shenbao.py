"""申报 pages from yeoksayeou/baokan (OCR text, traditional characters).

Layout of the source: one HTML file per edition,
``shenbao/<YYYY>/<YYYY.MM.DD>.html``; inside ``<div id="content-base">``
the edition is ``<h2>Page N</h2>`` sections, each a run of ``<h3>`` (a
headline) and ``<p>`` (a line of text) elements in printed order. So the
source has article structure and the labels are derived from it, not
hand-made:

  - an ``<h3>`` starts an article; its text is the 主题;
  - a ``<p>`` of at most 8 characters without punctuation directly before
    an ``<h3>`` is that article's 栏目 (``國内要電``, ``時評``, ``本埠新聞``);
  - ``<p>`` lines between the ``<h3>`` and the first paragraph that have
    no 、。， and at most 30 characters are 副题 (one per line);
  - every other ``<p>`` is a body paragraph; a first paragraph opening
    with a place in brackets, ``（南京）``, has that as its dateline, and
    the day from its closing ``（五日專電）`` as ``---05``.
  - text before the first ``<h3>`` of a page is not an article and is left out.

STATUS: the snapshot of yeoksayeou/baokan is 2.5 GB, over what the search
tool's fetch brings (500 MiB), so no page was built from it in this
session; the module raises MissingSource until the snapshot is at
``<mirror>/yeoksayeou+baokan/repo``. The rules above were read off the
source's HTML (1930.03.06, pages 4 and 7) but have not been run on it.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from mirror import Repo
from model import Article, Block, Page

SOURCE = {"repo": "yeoksayeou/baokan", "licence": "none stated (no LICENSE file found in the index); not redistributed"}

# edition date -> the source's page numbers ("Page N"); None: the first
# PAGES_PER_EDITION pages with at least MIN_ARTICLES headlines
EDITIONS: dict[str, list[int] | None] = {
    "1930-03-06": [4, 7],
    "1930-03-12": None,
    "1947-03-06": None,
    "1947-03-12": None,
}
PAGES_PER_EDITION = 2
MIN_ARTICLES = 3

CN_DAY = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_PUNCT = re.compile(r"[、。，,；：？！]")
_PLACE = re.compile(r"^(?P<dl>（[\u4e00-\u9fff]{1,6}）)[\s　]*")
_TAIL_DAY = re.compile(r"（(?P<day>[一二三四五六七八九十廿卅]{1,3})日(?:專電|電)?）$")


class _Elements(HTMLParser):
    """(tag, text) for every h2/h3/p inside #content-base."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, str]] = []
        self.depth = 0  # div depth inside content-base
        self.tag = None
        self.buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "div":
            if self.depth or dict(attrs).get("id") == "content-base":
                self.depth += 1
        elif self.depth and tag in ("h1", "h2", "h3", "p"):
            self.tag, self.buf = tag, []

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            self.depth -= 1
        elif self.tag == tag:
            self.out.append((tag, "".join(self.buf).strip()))
            self.tag = None

    def handle_data(self, data):
        if self.tag:
            self.buf.append(data)


def _day(s: str) -> int | None:
    if s == "十":
        return 10
    if s.startswith("廿"):
        return 20 + (CN_DAY.get(s[1:], 0) if len(s) > 1 else 0)
    if s.startswith("卅"):
        return 30 + (CN_DAY.get(s[1:], 0) if len(s) > 1 else 0)
    if s.startswith("十"):
        return 10 + CN_DAY[s[1]]
    if len(s) == 2 and s[1] == "十":
        return CN_DAY[s[0]] * 10
    if len(s) == 3 and s[1] == "十":
        return CN_DAY[s[0]] * 10 + CN_DAY[s[2]]
    return CN_DAY.get(s)


def parse_sections(html: str) -> dict[int, list[tuple[str, str]]]:
    p = _Elements()
    p.feed(html)
    pages: dict[int, list[tuple[str, str]]] = {}
    cur = None
    for tag, text in p.out:
        if tag == "h2" and (m := re.match(r"Page\s+(\d+)", text)):
            cur = int(m.group(1))
            pages[cur] = []
        elif cur is not None and tag in ("h3", "p") and text:
            pages[cur].append((tag, text))
    return pages


def articles_of(elements: list[tuple[str, str]]) -> list[Article]:
    arts: list[Article] = []
    pending_column = ""
    for i, (tag, text) in enumerate(elements):
        nxt = elements[i + 1][0] if i + 1 < len(elements) else ""
        if tag == "p" and nxt == "h3" and len(text) <= 8 and not _PUNCT.search(text):
            pending_column = text
            continue
        if tag == "h3":
            arts.append(Article(title_lines=[text], column=pending_column))
            pending_column = ""
            continue
        if not arts:
            continue  # text before the page's first headline
        a = arts[-1]
        has_para = any(b.kind == "para" for b in a.blocks)
        if not has_para and len(text) <= 30 and not _PUNCT.search(text) and not _PLACE.match(text):
            a.subtitle = f"{a.subtitle}\n{text}" if a.subtitle else text
            continue
        if not has_para and (m := _PLACE.match(text)):
            a.dateline, a.lead = m.group("dl"), text[:m.end()]
            if (d := _TAIL_DAY.search(text)) and (n := _day(d.group("day"))):
                a.dateline_date = f"---{n:02d}"
        a.blocks.append(Block("para", text))
    return [a for a in arts if any(b.kind == "para" for b in a.blocks)]


def build(mirror: Path) -> list[Page]:
    repo = Repo(mirror, SOURCE["repo"])
    commit = repo.head()
    out = []
    for ds, wanted in EDITIONS.items():
        path = f"shenbao/{ds[:4]}/{ds.replace('-', '.')}.html"
        sections = parse_sections(repo.text(path, commit))
        numbers = wanted or [n for n, els in sorted(sections.items())
                             if sum(1 for t, _ in els if t == "h3") >= MIN_ARTICLES][:PAGES_PER_EDITION]
        for n in numbers:
            arts = articles_of(sections.get(n, []))
            if not arts:
                raise ValueError(f"{path} Page {n}: no articles")
            y, m, d = ds.split("-")
            out.append(Page(paper="申报", paper_slug="shenbao", edition_date=ds, page_number=n,
                            articles=arts, repo=SOURCE["repo"], commit=commit, paths=[path],
                            licence=SOURCE["licence"],
                            header={"date": f"{y}年{int(m)}月{int(d)}日", "banci": f"第{n}頁"}))
    return out
