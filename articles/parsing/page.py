"""Parse one page of newspaper text into a PageRecord."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .body import build_article
from .decoding import DecodedPage
from .lines import FOOTER, split_lines
from .records import ArticleRecord, BylineRecord, PageRecord, PageRejected
from .segment import segment

_NEWSPAPER_RE = re.compile(r"([\u4e00-\u9fff]{2,4}(?:日报|晚报|早报|时报|都市报))")
_EDITION_DATE_RE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*星期[一二三四五六日天]")
_PAGE_LABEL_RE = re.compile(r"^(第[一二三四五六七八九十\d]+版|[A-Z]\d{1,2}版?)(?:\s|$|[:：])")
HEADER_LINES = 3


def parse_page(page: DecodedPage, *, known_columns: frozenset[str] = frozenset()) -> PageRecord:
    lines = split_lines(page.text)
    record = PageRecord(
        file_name=page.file_name,
        sha256=page.sha256,
        text=page.text,
        encoding=page.encoding,
        warnings=list(page.warnings),
    )
    _read_header(lines[:HEADER_LINES], record)
    footers = sum(1 for line in lines if line.kind == FOOTER)
    if footers:
        record.warnings.append(f"dropped {footers} footer line(s)")
    chunks = segment(lines, known_columns)
    record.articles = [build_article(chunk, position) for position, chunk in enumerate(chunks, start=1)]
    if not any(_recognisable(a) for a in record.articles):
        raise PageRejected(page.file_name, "no recognisable article (no headline with body text, byline or dateline)")
    record.outlet = _page_outlet(record)
    for article in record.articles:
        article.bylines = _with_outlets(article.bylines, record.outlet)
    return record


def _with_outlets(people: list[BylineRecord], page_outlet: str) -> list[BylineRecord]:
    """A byline line without an outlet (通讯员 宋其富, 本报记者) shares the one before it, else the page's."""
    filled: list[BylineRecord] = []
    for person in people:
        outlet = person.outlet or (filled[-1].outlet if filled else "") or page_outlet
        filled.append(replace(person, outlet=outlet))
    return filled


def _recognisable(article: ArticleRecord) -> bool:
    has_body = bool(article.paragraphs)
    return has_body and bool(article.title or article.bylines or article.dateline)


def _read_header(lines, record: PageRecord) -> None:
    for line in lines:
        if match := _EDITION_DATE_RE.match(line.text):
            year, month, day = (int(g) for g in match.groups())
            record.edition_date = f"{year:04d}-{month:02d}-{day:02d}"
        if match := _PAGE_LABEL_RE.match(line.text):
            record.page_label = match.group(1)


def _page_outlet(record: PageRecord) -> str:
    """The newspaper: the outlet most bylines name, else one named in the text (a footer)."""
    outlets = Counter(p.outlet for a in record.articles for p in a.bylines if p.outlet)
    if outlets:
        return outlets.most_common(1)[0][0]
    named = Counter(_NEWSPAPER_RE.findall(record.text))
    return named.most_common(1)[0][0] if named else ""
