"""Parse one page of newspaper text into a PageRecord."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import replace

from . import markers
from .body import build_article
from .decoding import DecodedPage
from .folding import Unfolder, fold_to_simplified, unfold_record
from .lines import BYLINE, FOOTER, HEADER, split_lines
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
from .vertical import set_vertically
from .warnings import warning

_NEWSPAPER_RE = re.compile(r"([\u4e00-\u9fff]{2,4}(?:日报|晚报|早报|时报|都市报))")


def parse_page(page: DecodedPage, *, known_columns: frozenset[str] = frozenset()) -> PageRecord:
    # Every rule reads the page folded to simplified characters (folding.py);
    # the record keeps the page's own text and characters.
    folded = fold_to_simplified(page.text)
    lines = split_lines(folded, printed=page.text if folded != page.text else None)
    record = PageRecord(
        file_name=page.file_name,
        sha256=page.sha256,
        text=page.text,
        encoding=page.encoding,
    )
    _read_header(lines, record)
    record.credits = _page_credits(lines, record.page_name)
    footers = sum(1 for line in lines if line.kind == FOOTER)
    if footers:
        record.warnings.append(warning("footers_dropped", count=footers))
    known_columns = frozenset(fold_to_simplified(c) for c in known_columns)
    # The header is an archive's or the paper's own (1948年4月21日 / 第2版), not how the page was set.
    body = "\n".join(line.text for line in lines if line.kind not in (HEADER, FOOTER))
    chunks = segment(lines, known_columns, vertical=set_vertically(body, traditional=folded != page.text))
    record.articles = [build_article(chunk, position) for position, chunk in enumerate(chunks, start=1)]
    if not any(_recognisable(a) for a in record.articles):
        raise PageRejected(page.file_name, "no recognisable article (no headline with body text, byline or dateline)")
    record.outlet = _page_outlet(record, lines)
    for article in record.articles:
        article.bylines = _with_outlets(article.bylines, record.outlet)
        _fit_fields(article)
    if folded != page.text:
        bylines = tuple((line.start, line.end) for line in lines if line.kind == BYLINE)
        unfold_record(record, Unfolder(page.text, folded, byline_lines=bylines))
    # The decoder's warnings carry the file's own name and bytes: never refolded, never restored.
    record.warnings[:0] = page.warnings
    record.outlet = _cut(record.outlet, MAX_OUTLET)
    record.page_label = _cut(record.page_label, MAX_PAGE_LABEL)
    if len(record.file_name) > MAX_FILE_NAME:
        record.warnings.append(warning("file_name_cut", limit=MAX_FILE_NAME))
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
            article.warnings.append(warning("headline_too_long", field=name, length=len(text), limit=MAX_LENGTHS[name]))
    for name in ("dateline", "continued_from", "continues_to"):
        text = getattr(article, name)
        if len(text) > MAX_LENGTHS[name]:
            setattr(article, name, text[: MAX_LENGTHS[name]])
            article.warnings.append(warning("field_cut", field=name, limit=MAX_LENGTHS[name]))
    if any(len(p.name) > MAX_NAME or len(p.role) > MAX_ROLE or len(p.outlet) > MAX_OUTLET for p in article.bylines):
        article.bylines = [
            replace(p, name=p.name[:MAX_NAME], role=p.role[:MAX_ROLE], outlet=p.outlet[:MAX_OUTLET])
            for p in article.bylines
        ]
        article.warnings.append(warning("byline_field_cut"))


def _cut(text: str, limit: int) -> str:
    return text[:limit]


def _with_outlets(people: list[BylineRecord], page_outlet: str) -> list[BylineRecord]:
    """A byline line without an outlet (通讯员 冯二, 本报记者) shares the one before it, else the page's."""
    filled: list[BylineRecord] = []
    for person in people:
        outlet = person.outlet or (filled[-1].outlet if filled else "") or page_outlet
        filled.append(replace(person, outlet=outlet))
    return filled


def _recognisable(article: ArticleRecord) -> bool:
    has_body = bool(article.paragraphs)
    return has_body and bool(article.title or article.bylines or article.dateline)


_CN_NUM = "〇零一二三四五六七八九十"
_DATE_TOKEN_RE = re.compile(
    r"^(?:公元)?(\d{4}|[" + _CN_NUM + r"]{4})年(\d{1,2}|[" + _CN_NUM + r"]{1,3})月(\d{1,2}|[" + _CN_NUM + r"]{1,3})日"
    r"(?:[(（]?星期[一二三四五六日天][)）]?)?$"
)
_WEEKDAY_RE = re.compile(r"^[(（]?(?:星期|礼拜|周)[一二三四五六日天][)）]?$")
_LUNAR_RE = re.compile(r"^(?:农历|夏历)?[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年")
_PAGE_TOKEN_RE = re.compile(r"^(第[A-Z]?[" + _CN_NUM + r"百\d]+版|[A-Z]\d{1,2}版?|\d{1,2}版)(?:[:：·|｜](.*))?$")
_EDITOR_RE = re.compile(r"^(?:本版|本期)?(?:责任编辑|编辑|美编|校对|版式|设计|制图|责编|视觉)(?:[:：]|$)")
MAX_HEADER_LINES = 8
MAX_PAGE_CREDIT = 60
MAX_PAGE_NAME = 10


def is_page_credit(text: str) -> bool:
    """本版编辑：张三  美编：李四  校对：王五 — the page's staff, not an article's."""
    if len(text) > MAX_PAGE_CREDIT:
        return False
    parts = text.split()
    return bool(parts) and bool(_EDITOR_RE.match(parts[0])) and (
        "：" in text or ":" in text or len(parts) > 1
    )


def _read_header(lines, record: PageRecord) -> None:
    """Masthead and page header lines at the top (date, 星期, 第X版, 版名, 责任编辑)
    are page metadata; they are marked HEADER and never read as an article."""
    dated = False
    for index, line in enumerate(lines[:MAX_HEADER_LINES]):
        if index and line.gap:  # the header is the first block of lines
            break
        # The header may set each item on a line of its own, the 版名 after the
        # date and 版 (2024年5月6日 / 星期一 / A02 / 要闻 / 责任编辑：某某),
        # closing the block or followed by the editor.
        following = lines[index + 1] if index + 1 < len(lines) else None
        closes_block = following is None or following.gap > 0 or bool(_EDITOR_RE.match(following.text))
        if not _read_header_line(line, record, name_alone=dated and closes_block):
            break
        line.kind = HEADER
        dated = dated or bool(record.page_label or record.edition_date)
    for line in lines:
        if line.kind not in (HEADER, FOOTER) and is_page_credit(line.text):
            line.kind = HEADER
            record.warnings.append(warning("page_credit_kept_out", text=line.text[:20]))


def _page_credits(lines, page_name: str) -> list[str]:
    """The page's staff as the page printed them: a credit line (本版编辑：某某 美编：某某),
    the editor named in the header (… 要闻  责任编辑：某某), the page's photographers."""
    credits = []
    for line in lines:
        if line.kind == HEADER and is_page_credit(line.text):
            credits.append(line.as_printed.replace("\u3000", " "))
        elif line.kind == HEADER:
            credits.extend(_header_credits(line, page_name))
        elif line.kind == FOOTER and markers.is_page_pictures(line.text):
            credits.append(line.as_printed.replace("\u3000", " "))
    return credits


def _header_credits(line, page_name: str) -> list[str]:
    """The staff named among a header's items: from a label with its name (责任编辑：某某,
    or 责任编辑 某某) up to the next item that is the page's (a date, 星期, 版次, 版名).
    A label alone (a page named 视觉 or 设计) names nobody."""
    tokens = list(re.finditer(r"\S+", line.text))
    credits, start = [], None

    def close(end: int) -> None:
        text = line.as_printed[tokens[start].start():end].replace("\u3000", " ").strip()
        if not _EDITOR_RE.fullmatch(text.rstrip("：:")):  # a label and a name
            credits.append(text)

    for index, token in enumerate(tokens):
        text = token.group()
        if start is None:
            start = index if _EDITOR_RE.match(text) else None
        elif _DATE_TOKEN_RE.match(text) or _WEEKDAY_RE.match(text) or _PAGE_TOKEN_RE.match(text) or text == page_name:
            close(tokens[index - 1].end())
            start = None
    if start is not None:
        close(tokens[-1].end())
    return credits


def _read_header_line(line, record: PageRecord, *, name_alone: bool = False) -> bool:
    tokens = [t for t in re.split(r"[\s]+", line.text) if t]
    known = 0
    names: list[str] = []
    found: dict[str, str] = {}
    for index, token in enumerate(tokens):
        if match := _DATE_TOKEN_RE.match(token):
            found["date"] = token
            year, month, day = (_cn_int(g) for g in match.groups())
            try:
                found["edition_date"] = datetime.date(year, month, day).isoformat()
            except (ValueError, TypeError):
                found["bad_date"] = match.group(0)
            known += 1
        elif _WEEKDAY_RE.match(token) or _LUNAR_RE.match(token):
            known += 1
        elif match := _PAGE_TOKEN_RE.match(token):
            found["page_label"] = match.group(1)
            if match.group(2):
                names.append(match.group(2).strip())
            known += 1
        elif _EDITOR_RE.match(token) and not (index == len(tokens) - 1 and _EDITOR_RE.fullmatch(token)):
            known += 1  # a label, its name with it or after it (a label closing the line is a 版名: 视觉, 设计)
        elif len(token) <= MAX_PAGE_NAME and not re.search(r"[，。！？、,]", token):
            names.append(token)
        else:
            return False
    if not known and not (name_alone and len(names) == 1):
        return False
    if names and "page_label" not in found and "date" not in found and not name_alone:
        return False
    if "edition_date" in found:
        record.edition_date = found["edition_date"]
    if "bad_date" in found:
        record.warnings.append(warning("masthead_date_invalid", date=found["bad_date"]))
    if "page_label" in found:
        record.page_label = found["page_label"]
    names = [n for n in names if not _EDITOR_RE.match(n) or _EDITOR_RE.fullmatch(n)]  # 编辑：某某 is no 版名; 视觉 alone is
    if names and not record.page_name:
        record.page_name = names[0].strip("：:·|｜")
    return True


def _cn_int(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    digits["零"] = 0
    if len(text) == 4 and all(c in digits for c in text):  # 一九三八
        return int("".join(str(digits[c]) for c in text))
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + digits.get(text[1], 0)
    if len(text) >= 2 and text[1] == "十":
        return digits.get(text[0], 0) * 10 + (digits.get(text[2], 0) if len(text) > 2 else 0)
    return digits.get(text) if len(text) == 1 else None


def _page_outlet(record: PageRecord, lines) -> str:
    """The newspaper: the outlet most bylines name, else the one its footer or
    header names (更多……请关注某某日报客户端). Not one a story names: the
    papers a report cites (据某某日报, 某国某某时报) are not the page's."""
    outlets = Counter(p.outlet for a in record.articles for p in a.bylines if p.outlet)
    if outlets:
        return outlets.most_common(1)[0][0]
    named = Counter(name for line in lines if line.kind in (FOOTER, HEADER) for name in _NEWSPAPER_RE.findall(line.text))
    return named.most_common(1)[0][0] if named else ""
