"""新民晚报 pages from shenxingy/Chinese_newspaper_crawler.

``Sample_Datasets/XinMin.csv`` (columns special_title, title, subtitle,
content, url, date, ban) holds, for 2022-04-01 … 04-03, one record per 版:
the crawler read only the first (lead) article of each 版, so a page here is
that one article. ``special_title`` is the 引题, ``subtitle`` the 副题
(printed with —— when the source has it). ``content`` is the body on one
line, each paragraph starting with four spaces; a credit is printed either
as the first paragraph (``首席记者  潘高峰``) or after the last sentence
(``…中发现。  本报记者  左妍``), which is split off as a byline block.
Datelines from the first paragraph: ``本报讯``, ``据新华社北京4月2日电（记者  吴雨）``.
Double pages (第2/3版) and 版 whose record is only a web link are not used.
"""
from __future__ import annotations

import csv
import io
import re
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _cn_credits import match_dateline, parse_credit, split_tail_credit  # noqa: E402
from mirror import Repo  # noqa: E402
from model import Article, Block, Page  # noqa: E402

SOURCE = {"repo": "shenxingy/Chinese_newspaper_crawler", "licence": "MIT (repository LICENSE; covers the crawler, the page text is 新民晚报's)"}
COMMIT = "35a294b4758ed16de3b1968989c1085d60294ebb"
PATH = "Sample_Datasets/XinMin.csv"
# 04-01 11, 12, 04-02 6, 10 and 04-03 6 were added later (test pages, never looked at)
PAGES = {"2022-04-01": [8, 10, 11, 12], "2022-04-02": [2, 6, 9, 10], "2022-04-03": [1, 6, 8]}
WEEKDAYS = "一二三四五六日"
_IND = " \t\r\n\u3000\xa0"


def parse_article(row: dict) -> Article:
    a = Article()
    a.kicker = row["special_title"].strip(_IND)
    a.title_lines = [row["title"].strip(_IND)]
    sub = row["subtitle"].strip(_IND)
    if sub.startswith("——"):
        a.subtitle, a.subtitle_dash = sub[2:], True
    else:
        a.subtitle = sub
    paras = [p.strip(_IND) for p in re.split(r" {4,}", row["content"])]
    paras = [p for p in paras if p]
    if paras and (reps := parse_credit(paras[0])):
        a.byline_lines.append(paras.pop(0))
        a.reporters += reps
    tails: list[str] = []  # credits after the body, possibly several (通讯员 … 记者 …)
    while paras:
        if parse_credit(paras[-1]):
            tails.insert(0, paras.pop())
        elif (sp := split_tail_credit(paras[-1])):
            paras[-1], t = sp
            tails.insert(0, t)
            break
        else:
            break
    for i, p in enumerate(paras):
        if i == 0 and (dl := match_dateline(p)):
            a.lead, a.dateline, a.dateline_date, more = dl
            a.reporters += more
        a.blocks.append(Block("para", p))
    for t in tails:
        a.blocks.append(Block("byline", t))
        a.reporters += parse_credit(t)
    return a


def build(mirror: Path) -> list[Page]:
    repo = Repo(mirror, SOURCE["repo"])
    rows = list(csv.DictReader(io.StringIO(repo.text(PATH, COMMIT))))
    pages = []
    for ds, nums in sorted(PAGES.items()):
        d = date.fromisoformat(ds)
        for n in nums:
            row = next(r for r in rows if r["date"] == ds and r["ban"].startswith(f"第{n}版:"))
            name = row["ban"].split(":", 1)[1]
            pages.append(Page(
                paper="新民晚报", paper_slug="xinmin", edition_date=ds, page_number=n,
                articles=[parse_article(row)], repo=SOURCE["repo"], commit=COMMIT,
                paths=[PATH], licence=SOURCE["licence"], page_name=name,
                header={"date": f"{d.year}年{d.month}月{d.day}日", "weekday": "星期" + WEEKDAYS[d.weekday()],
                        "banci": f"第{n}版", "page_name": name}))
    return pages
