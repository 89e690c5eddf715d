"""Parse one page of newspaper text into a PageRecord."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import replace

from .body import build_article
from .decoding import DecodedPage
from .lines import FOOTER, HEADER, split_lines
from .records import (
    MAX_FILE_NAME,
    MAX_LENGTHS,
    MAX_NAME,
    MAX_OUTLET,
    MAX_PAGE_LABEL,
    MAX_ROLE,
    PARAGRAPH,
    ArticleRecord,
    Block,
    BylineRecord,
    PageRecord,
    PageRejected,
)
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
        _fit_fields(article)
    record.outlet = _cut(record.outlet, MAX_OUTLET)
    record.page_label = _cut(record.page_label, MAX_PAGE_LABEL)
    if len(record.file_name) > MAX_FILE_NAME:
        record.warnings.append(f"file name cut to {MAX_FILE_NAME} characters")
        record.file_name = record.file_name[:MAX_FILE_NAME]
    return record


_HEADLINE_PARTS = ("subtitle", "title", "kicker", "column")


def _fit_fields(article: ArticleRecord) -> None:
    """Keep every field within what the database stores: a headline part that
    long is body text read as a headline, so it goes back to the body; the
    short fields (which the patterns bound anyway) are cut."""
    for name in _HEADLINE_PARTS:  # bottom up, so the body gets them in printed order
        text = getattr(article, name)
        if len(text) > MAX_LENGTHS[name]:
            setattr(article, name, "")
            article.blocks.insert(0, Block(PARAGRAPH, text))
            article.warnings.append(
                f"{name} of {len(text)} characters is over {MAX_LENGTHS[name]}: kept as body text"
            )
    for name in ("dateline", "continued_from", "continues_to"):
        text = getattr(article, name)
        if len(text) > MAX_LENGTHS[name]:
            setattr(article, name, text[: MAX_LENGTHS[name]])
            article.warnings.append(f"{name} cut to {MAX_LENGTHS[name]} characters")
    if any(len(p.name) > MAX_NAME or len(p.role) > MAX_ROLE or len(p.outlet) > MAX_OUTLET for p in article.bylines):
        article.bylines = [
            replace(p, name=p.name[:MAX_NAME], role=p.role[:MAX_ROLE], outlet=p.outlet[:MAX_OUTLET])
            for p in article.bylines
        ]
        article.warnings.append("a byline field was cut to the length the database stores")


def _cut(text: str, limit: int) -> str:
    return text[:limit]


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
            line.kind = HEADER
            year, month, day = (int(g) for g in match.groups())
            try:
                record.edition_date = datetime.date(year, month, day).isoformat()
            except ValueError:
                record.warnings.append(f"masthead date is not a real date, ignored: {match.group(0)}")
        if match := _PAGE_LABEL_RE.match(line.text):
            record.page_label = match.group(1)
            line.kind = HEADER


def _page_outlet(record: PageRecord) -> str:
    """The newspaper: the outlet most bylines name, else one named in the text (a footer)."""
    outlets = Counter(p.outlet for a in record.articles for p in a.bylines if p.outlet)
    if outlets:
        return outlets.most_common(1)[0][0]
    named = Counter(_NEWSPAPER_RE.findall(record.text))
    return named.most_common(1)[0][0] if named else ""
