"""晶報 pages from hcts-hra/ecpo-data (hand-made ground truth, traditional characters).

The repository is the research data of Early Chinese Periodicals Online
(Heidelberg): the full text of 晶報 (The Crystal, Shanghai) of April 1920,
1930 and 1939, transcribed by hand, licensed CC BY 4.0. One XML file per
fold, ``jingbao-textGT/<YYYY>/04/jb_<issue>_<YYYY-MM-DD>_<a>+<b>.xml``
(``.xml.bak`` files are left alone). Inside ``<fold>`` each printed page is
a ``<div type="page" n="N">``; inside it the annotators marked every block
with its type (``article``, ``image``, ``advert``, ``margin``, ``head``,
``other``) in reading order, an article's text as ``<p>`` elements and
the printed line ends as ``<lb/>``. XML comments are the annotators'
notes, not print, and are dropped.

A page here is one ``div type="page"``: its ``article`` blocks in the
file's order; adverts, mastheads, margins, images outside articles and
``other`` blocks are left out. An article's ``<p>`` elements, including
those of parts the annotators nested as sub-divisions, are read in order;
a ``<p>`` of a nested ``image`` division is a caption. A ``<p>``'s lines
are joined without a separator (they are the columns of vertical print),
except in headings, where each line is printed as a title line.

How the blocks are labelled (the source marks article boundaries and
paragraphs, not their roles, so the roles follow from the print form,
the same for every page):
  - heading: the ``<p>`` elements before the first one with sentence
    punctuation (、，。！？；：; a headline may end with ！ or ？) or of more than
    40 characters. Among them a
    ``<p>`` made wholly of bracketed names, ``（丹翁）``, ``（孳善自）（瑞士寄）``,
    is the byline: each bracket a reporter with role "" (the paper prints
    pen names without a role word); a bracket ending 寄 (where it was sent
    from) is not a name, and the 自 ("from") before it is dropped from the
    name; brackets of numerals only (a serial's instalment, ``（一）（〇）（五）``)
    are heading text. The other heading ``<p>`` elements are the title deck,
    one title line per printed line (the key's title is the deck joined,
    as for 申报: the source does not say which line is the 主题);
  - a body ``<p>`` of at most 12 characters without punctuation is a
    subhead (``鄂南捷報``);
  - a first body paragraph opening with a bracketed dispatch,
    ``（重慶廿五日海通電）``, has it as the dateline (printed, not body: the
    lead), its day from 廿五日 → ``---25``;
  - a last paragraph ending with a bracketed name of one to four
    characters, ``…人多異之、（柳）``, has it as a credit: the bracket is
    printed on its own line after the paragraph and is the reporter (not
    the end marks of a serial, ``（完）``, ``（待續）``).
An article without a heading has title "" (a brief).

Pages: for each edition date in ``EDITIONS`` the ``PAGES_PER_EDITION``
pages with the most articles (at least ``MIN_ARTICLES``; ties: lower page
number). The printed rendering's header is the page's margin line of the
date (``民國十九年四月九日``) and of the weekday, where the page prints them.
"""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _zh_dates import dateline_date  # noqa: E402
from mirror import Repo  # noqa: E402
from model import Article, Block, Page, Reporter  # noqa: E402

SOURCE = {"repo": "hcts-hra/ecpo-data",
          "licence": "CC BY 4.0 (repository LICENSE.txt; ground truth by the ECPO project, Heidelberg University)"}
COMMIT = "a99e24ebe5c52d90031c0b8d4c806efe7aa41ec6"
ROOT = "jingbao-textGT"
EDITIONS = ["1920-04-03", "1920-04-09", "1920-04-15",
            "1930-04-03", "1930-04-09", "1930-04-15",
            "1939-04-21", "1939-04-23", "1939-04-25",
            # added later: dev pages (build.py keeps the earlier pages' split)
            "1920-04-06", "1920-04-12", "1930-04-06", "1930-04-12",
            "1939-04-22", "1939-04-24", "1939-04-26"]
PAGES_PER_EDITION = 2
MIN_ARTICLES = 3

_PUNCT = re.compile(r"[、，。！？；：,.!?;:]")
_BRACKETS = re.compile(r"^(?:（[^（）]+）)+$")
_BRACKET = re.compile(r"（([^（）]+)）")
_NUMERALS = re.compile(r"^[〇一二三四五六七八九十百廿卅]+$")
_DISPATCH = re.compile(r"^（[^（）]{2,20}(?:電|訊)）")
_TAIL_CREDIT = re.compile(r"（(?P<name>[\u4e00-\u9fff]{1,4})）$")
# bracketed marks at a serial's end, not names
_END_MARKS = {"完", "未完", "續", "待續", "續完"}
_FILE = re.compile(r"jb_\d+_(?P<date>\d{4}-\d\d-\d\d)_\d+\+\d+\.xml$")
_WS = re.compile(r"\s+")
HEADING_MAX = 40
SUBHEAD_MAX = 12


def _lines(p: ET.Element) -> list[str]:
    """A ``<p>``'s printed lines (``<lb/>`` ends a line), whitespace inside removed."""
    lines, cur = [], [p.text or ""]
    for el in p.iter():
        if el is p:
            continue
        if el.tag == "lb":
            lines.append("".join(cur))
            cur = [el.tail or ""]
        else:  # <r> (styled run), <pb>: their text is print
            cur.append((el.text or "") if el.tag != "pb" else "")
            cur.append(el.tail or "")
    lines.append("".join(cur))
    return [s for s in (_WS.sub("", x) for x in lines) if s]


def _pieces(div: ET.Element, in_image: bool = False):
    """(kind, lines) for every ``<p>`` under an article division, in order."""
    for child in div:
        if child.tag == "p":
            yield ("caption" if in_image else "p"), _lines(child)
        elif child.tag == "div":
            yield from _pieces(child, in_image or child.get("type") == "image")


def _is_heading(text: str) -> bool:
    # a headline may end with ！ or ？ (不配！); punctuation inside it is a sentence's
    return len(text) <= HEADING_MAX and not _PUNCT.search(text.rstrip("！？!?"))


def _byline(text: str) -> list[Reporter] | None:
    """``（丹翁）`` / ``（孳善自）（瑞士寄）`` → reporters; None if not wholly bracketed names."""
    if not _BRACKETS.match(text):
        return None
    groups = _BRACKET.findall(text)
    if all(_NUMERALS.match(g) for g in groups) or any(g.endswith(("電", "訊")) for g in groups):
        return None
    sent = any(g.endswith("寄") for g in groups)
    names = [g.removesuffix("自") if sent else g for g in groups if not g.endswith("寄")]
    return [Reporter(n, "") for n in names] or None


def parse_article(div: ET.Element) -> Article | None:
    pieces = [(k, ls) for k, ls in _pieces(div) if ls]
    a = Article()
    i = 0
    while i < len(pieces) and pieces[i][0] == "p" and _is_heading("".join(pieces[i][1])):
        text = "".join(pieces[i][1])
        people = _byline(text)
        if people:
            a.byline_lines.append(text)
            a.reporters += people
        elif not a.byline_lines:
            a.title_lines += pieces[i][1]
        else:
            break  # a heading-like line after the byline is the body's first line
        i += 1
    for kind, ls in pieces[i:]:
        text = "".join(ls)
        if kind == "caption":
            a.blocks.append(Block("caption", text))
        elif len(text) <= SUBHEAD_MAX and not _PUNCT.search(text) and any(b.kind == "para" for b in a.blocks):
            a.blocks.append(Block("subhead", text))
        else:
            a.blocks.append(Block("para", text))
    paras = [b for b in a.blocks if b.kind == "para"]
    if not paras:
        return None
    if m := _DISPATCH.match(paras[0].text):
        a.lead = a.dateline = m.group(0)
        a.dateline_date = dateline_date(a.dateline)
    last = paras[-1]
    if (m := _TAIL_CREDIT.search(last.text)) and not _NUMERALS.match(m.group("name")) \
            and m.group("name") not in _END_MARKS and len(last.text) > len(m.group(0)):
        last.text = last.text[:m.start()]
        a.blocks.insert(a.blocks.index(last) + 1, Block("byline", m.group(0)))
        a.reporters.append(Reporter(m.group("name"), ""))
    return a


def _parse(xml: bytes) -> ET.Element:
    # the files declare one entity, &gaiji; (a character the transcribers could
    # not encode), in a DOCTYPE that ElementTree does not read
    text = re.sub(r"<!DOCTYPE[^\]]*\]>", "", xml.decode("utf-8")).replace("&gaiji;", "\ue111")
    return ET.fromstring(text.encode("utf-8"))


def _header(page_div: ET.Element) -> dict:
    header = {}
    for margin in (d for d in page_div.iter("div") if d.get("type") == "margin"):
        for p in margin.iter("p"):
            text = "".join(_lines(p))
            if text.startswith("民國") and text.endswith("日"):
                header.setdefault("date", text)
            elif re.fullmatch(r"星期[一二三四五六日]", text):
                header.setdefault("weekday", text)
    return header


def build(mirror: Path) -> list[Page]:
    repo = Repo(mirror, SOURCE["repo"])
    commit = COMMIT
    by_date: dict[str, list[str]] = {}
    for path in repo.ls(commit, ROOT):
        if m := _FILE.search(path):
            by_date.setdefault(m.group("date"), []).append(path)
    pages = []
    for ds in EDITIONS:
        candidates = []
        for path in sorted(by_date.get(ds, [])):
            root = _parse(repo.read(path, commit))
            for page_div in (d for d in root.iter("div") if d.get("type") == "page"):
                articles = [a for a in (parse_article(d) for d in page_div.iter("div")
                                        if d.get("type") == "article") if a]
                candidates.append((len(articles), int(page_div.get("n")), path, articles, _header(page_div)))
        chosen = sorted((c for c in candidates if c[0] >= MIN_ARTICLES), key=lambda c: (-c[0], c[1]))
        if len(chosen) < PAGES_PER_EDITION:
            raise ValueError(f"晶報 {ds}: fewer than {PAGES_PER_EDITION} pages with {MIN_ARTICLES} articles")
        for _, n, path, articles, header in sorted(chosen[:PAGES_PER_EDITION], key=lambda c: c[1]):
            pages.append(Page(
                paper="晶报", paper_slug="jingbao", edition_date=ds, page_number=n, articles=articles,
                repo=SOURCE["repo"], commit=commit, paths=[path], licence=SOURCE["licence"], header=header))
    return pages
