"""都市快报 pages from grill-glitch/hangzhou-daily-crawler.

The crawler commits one JSON per edition, ``dskb_<date>.json``: ``sections``
(版 code ``A05`` and 版名) and ``articles``, one record per article with
``section_code``, ``title`` (lines joined by ``\\n``, ``_都市快报`` appended),
``author`` and ``content``. The article id at the end of its URL,
``article_detail_2_20260404A055.html`` = 版 A05, article 5, is its order on
the 版, so a page is its 版's records sorted by that number. ``content`` is::

    <heading lines: 引题 / 主题 lines / 副题>
    <blank>
    <the edition date, 2026-04-04: web-page chrome, not printed; left out>
    <blank>
    <blocks, blank-line separated: caption, credit line, paragraphs, 小标题>

Labels derived from that structure (``parse_article``):
  - 主题 = the heading lines that are the record's ``title`` field; heading
    lines before it are the 引题, after it the 副题;
  - a block that is wholly a credit (``记者 董吕平 通讯员 何超``) is a byline,
    its people the reporters (``_cn_credits.parse_credit``);
  - ``图据…`` / ``图为…`` / ``…供图`` blocks are captions;
  - ``据新华社`` / ``综合新华社等报道`` … at the end is a note (not body), and
    so are a graphics credit ``制图 X`` (as renmin.py) and a QR-code prompt
    ``扫码…`` anywhere;
  - 小标题: a block of at most 20 characters with no closing punctuation
    (or of at most 10 ending with ``：``), never the first paragraph.
Only A-section 版 are used (B01 would collide with A01 as page number 1).
The edition 2026-03-29 is reserved and never read.
"""
from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cn_credits import match_dateline, parse_credit  # noqa: E402
from mirror import Repo  # noqa: E402
from model import Article, Block, Page, Reporter  # noqa: E402

SOURCE = {"repo": "grill-glitch/hangzhou-daily-crawler", "licence": "MIT (repository LICENSE; covers the crawler, the page text is 都市快报's)"}

# edition -> (commit, path, 版 codes); A04, A06, A08 were added later (dev
# pages), and A03 after them (dev pages, scored before the parser was changed for them)
EDITIONS = {
    "2026-03-28": ("465e35161c06c6de7f9e370b62ff5cfbe003590c", "dskb_2026-03-28.json", ["A02", "A05", "A07", "A04", "A06", "A08", "A03"]),
    "2026-04-04": ("6c9d54629c48c94e15e6b3745579a98e40f1dd63", "data/dskb_2026-04-04.json", ["A02", "A05", "A07", "A04", "A06", "A08", "A03"]),
}
RESERVED = {"2026-03-29"}
WEEKDAYS = "一二三四五六日"
_CLOSE = tuple("。！？；…”’」）)：:，,、!?】》")
_IND = " \t\r\u3000\xa0"
_NOTE = re.compile(r"^(?:据|综合|来源[:：]|本文来源)[\u4e00-\u9fff、·]{1,20}(?:报道|电|消息)?$")
_ASIDE = re.compile(r"^(?:制图[\s\u3000\xa0]+[\u4e00-\u9fff·]{2,4}|扫码[\u4e00-\u9fff]{0,8})$")
_CAPTION = re.compile(r"^(?:图据|图为|图片|图/|图：|上图|下图|资料图)|供图$")


def _seq(rec: dict) -> int:
    m = re.search(r"[AB]\d\d(\d+)\.html$", rec["relative_url"])
    return int(m.group(1))


def _lines(content: str) -> tuple[list[str], list[str]]:
    """(heading lines, body lines) of a record's content. Two crawler
    versions: 2026-04-04 gives ``heading / date / blocks`` separated by blank
    lines; 2026-03-28 gives the page's HTML text: the page title, the
    navigation (``<<上一篇 下一篇>> 返回主页``), the heading, the date, then
    paragraphs indented with 　　. Each non-empty line is one block."""
    lines = [l.strip(_IND) for l in content.replace("\r", "").split("\n")]
    lines = [l for l in lines if l]
    nav = [i for i, l in enumerate(lines) if l in ("返回主页", "<<上一篇", "下一篇>>")]
    if nav:
        lines = lines[nav[-1] + 1:]
    d = next(i for i, l in enumerate(lines) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", l))
    return lines[:d], lines[d + 1:]


def parse_article(rec: dict) -> Article:
    title = rec["title"].removesuffix("_都市快报")
    t_lines = [l.strip(_IND) for l in title.split("\n") if l.strip(_IND)]
    head, rest = _lines(rec["content"])
    a = Article()
    k = next((i for i in range(len(head)) if head[i:i + len(t_lines)] == t_lines), None)
    if k is None:
        a.title_lines = head
    else:
        a.kicker = "\n".join(head[:k])
        a.title_lines = head[k:k + len(t_lines)]
        a.subtitle = "\n".join(head[k + len(t_lines):])
    first_para = True
    for n, line in enumerate(rest):
        reps = parse_credit(line)
        if reps:
            a.blocks.append(Block("byline", line))
            a.reporters += reps
            continue
        if _CAPTION.search(line):
            a.blocks.append(Block("caption", line))
            continue
        if (n == len(rest) - 1 and _NOTE.match(line)) or _ASIDE.match(line):
            a.blocks.append(Block("note", line))
            continue
        if not first_para and ((len(line) <= 20 and not line.endswith(_CLOSE))
                               or (len(line) <= 10 and line.endswith("："))):
            a.blocks.append(Block("subhead", line))
            continue
        if first_para and (dl := match_dateline(line)):
            a.lead, a.dateline, a.dateline_date, more = dl
            a.reporters += more
        a.blocks.append(Block("para", line))
        first_para = False
    return a


def build(mirror: Path) -> list[Page]:
    repo = Repo(mirror, SOURCE["repo"])
    pages = []
    for ds, (commit, path, codes) in sorted(EDITIONS.items()):
        if ds in RESERVED:
            raise ValueError(f"{ds} is a reserved edition")
        data = json.loads(repo.text(path, commit))
        names = {s["code"]: s["name"] for s in data["sections"]}
        d = date.fromisoformat(ds)
        for code in codes:
            recs = sorted((r for r in data["articles"] if r["section_code"] == code), key=_seq)
            if not recs:
                raise ValueError(f"{ds} {code}: no articles")
            pages.append(Page(
                paper="都市快报", paper_slug="dushikuaibao", edition_date=ds,
                page_number=int(code[1:]), articles=[parse_article(r) for r in recs],
                repo=SOURCE["repo"], commit=commit, paths=[path], licence=SOURCE["licence"],
                page_name=names.get(code, ""),
                header={"date": f"{d.year}年{d.month}月{d.day}日", "weekday": "星期" + WEEKDAYS[d.weekday()],
                        "banci": code, "page_name": names.get(code, "")}))
    return pages
