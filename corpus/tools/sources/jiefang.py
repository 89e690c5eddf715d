"""解放日报 pages from shenxingy/Chinese_newspaper_crawler.

``Sample_Datasets/CNKI.csv`` is a CNKI (中国知网) search of 解放日报 (the
crawler's default newspaper, JFRB) for 疫情, 2022-04 … 06: one record per
article with Title, Author (``孟群舒;`` / ``宰飞;俱鹤飞;`` / ``NA;``), banHao
(版 number), Date and Contents (the text, one paragraph a line). A page
here is the records of one date and 版, in the order of CNKI's record
Number: the search holds only the 版's articles that mention 疫情, and
CNKI gives no printed order, so a page is the matching part of the 版.
CNKI gives no 引题/副题 fields: a 提要 printed before the body is the first
line(s) of Contents and is kept there (as the source gives). No 版名.

Labels:
  - dateline and credit from the first paragraph: ``本报讯（记者 孟群舒）``;
    ``本报讯`` may follow a 提要 line: that line is then the 副题 (it is
    printed between the title and the dateline paragraph);
  - when the text credits no one but Author names people, CNKI dropped the
    printed byline: the names are printed as a byline line above the body
    (Author's own text, ``;`` → two spaces) and get role 记者 (the paper's
    own reporters; CNKI gives no role);
  - 小标题: a line of at most 20 characters with no closing punctuation;
    short lines of that kind at the end (a letter's signature) are notes.
"""
from __future__ import annotations

import csv
import io
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cn_credits import match_dateline  # noqa: E402
from mirror import Repo  # noqa: E402
from model import Article, Block, Page, Reporter  # noqa: E402

SOURCE = {"repo": "shenxingy/Chinese_newspaper_crawler", "licence": "MIT (repository LICENSE; covers the crawler, the page text is 解放日报's via CNKI)"}
COMMIT = "35a294b4758ed16de3b1968989c1085d60294ebb"
PATH = "Sample_Datasets/CNKI.csv"
# 05-28 2, 05-29 1 and 06-01 2 were added later (test pages, never looked at)
PAGES = {"2022-05-27": [1], "2022-05-28": [1, 2], "2022-05-29": [1], "2022-05-30": [1], "2022-05-31": [1, 2], "2022-06-01": [1, 2]}
WEEKDAYS = "一二三四五六日"
_IND = " \t\r\u3000\xa0"
_CLOSE = tuple("。！？；…”’」）)：:，,、!?】》")


def _short(line: str) -> bool:
    return len(line) <= 20 and not line.endswith(_CLOSE)


def parse_article(row: dict) -> Article:
    a = Article(title_lines=[row["Title"].strip(_IND)])
    lines = [l.strip(_IND) for l in row["Contents"].split("\n")]
    lines = [l for l in lines if l]
    n_tail = 0
    while n_tail < len(lines) - 1 and _short(lines[-1 - n_tail]):
        n_tail += 1
    body, tail = lines[:len(lines) - n_tail], lines[len(lines) - n_tail:]
    dl_at = next((i for i, l in enumerate(body[:2]) if match_dateline(l)), None)
    if dl_at == 1:  # a 提要 line printed between the title and the 本报讯 paragraph
        a.subtitle = body.pop(0)
        dl_at = 0
    for i, line in enumerate(body):
        if i == dl_at:
            lead, a.dateline, a.dateline_date, reps = match_dateline(line)
            a.reporters += reps
            a.lead = lead
            a.blocks.append(Block("para", line))
            continue
        if i > 0 and _short(line):
            a.blocks.append(Block("subhead", line))
            continue
        a.blocks.append(Block("para", line))
    for line in tail:
        a.blocks.append(Block("note", line))
    names = [n for n in row["Author"].split(";") if n and n != "NA"]
    if names and not a.reporters:
        a.byline_lines.append("  ".join(names))
        a.reporters = [Reporter(n, "记者") for n in names]
    return a


def build(mirror: Path) -> list[Page]:
    repo = Repo(mirror, SOURCE["repo"])
    rows = list(csv.DictReader(io.StringIO(repo.text(PATH, COMMIT).lstrip("\ufeff"))))
    pages = []
    for ds, nums in sorted(PAGES.items()):
        d = date.fromisoformat(ds)
        for n in nums:
            mine = sorted((r for r in rows if r["Date"] == ds and r["banHao"] == str(n)), key=lambda r: int(r["Number"]))
            pages.append(Page(
                paper="解放日报", paper_slug="jiefang", edition_date=ds, page_number=n,
                articles=[parse_article(r) for r in mine], repo=SOURCE["repo"], commit=COMMIT,
                paths=[PATH], licence=SOURCE["licence"],
                header={"date": f"{d.year}年{d.month}月{d.day}日", "weekday": "星期" + WEEKDAYS[d.weekday()],
                        "banci": f"第{n}版"}))
    return pages
