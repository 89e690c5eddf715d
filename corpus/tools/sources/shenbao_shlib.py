"""申报 pages from GeonjoonBae/shlib-shenbao-dataset-workflow (traditional characters).

The repository samples the Shanghai Library 《申報》 database: four search
result lists (``shenbao_textdata/(sample)shenbao_textdata_<label>_….csv``
for 立憲, 憲法, 憲政, 制憲), one record per article with ``publish``
(``申報 日期：1949-05-12 版次/卷期：02 版 聯合社波恩十日電``), ``detail_url``
(the article id, ``id=A2013040226455``), ``title`` and ``text``. The same
article can be a hit of several searches; it is read once.

A page here is the hits of one date and 版, in article-id order: the
search holds only the 版's articles that matched, and the database gives
no printed order (as ``jiefang``'s CNKI search). Only records whose
``publish`` begins ``申報 日期`` are read (the Shanghai edition, 1947-49 in
this sample); the 香港版/漢口版 hits and the 1870s-1900s records (their
``publish`` lacks the paper's name) are left out, as are classified
advertisements.

What the database does with the printed text, and how it is arranged here:
  - ``title`` is the headline deck, its lines joined by one space; each
    part is printed as a title line (the database does not say which line
    is the 主题, so the key's title is the whole deck);
  - the database takes the article's first bracketed item out of the text
    and prints it after ``版`` in ``publish``. When that item is a dateline
    (``本報訊``, ``…電``) it is printed here on its own line before the
    body, without the brackets the database dropped: the key's dateline is
    that text, its day from ``廿六日`` → ``---26``. A page whose hits have
    any other first item (a year, an author, ``續``) is not used, since the
    item's place in the text is lost;
  - ``text`` is the body on one line; a space after 。」！？ starts a new
    paragraph (other spaces are the OCR's gaps and stay inside the line).
There are no credits, subheads or captions in these records.
"""
from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _zh_dates import dateline_date  # noqa: E402
from mirror import Repo  # noqa: E402
from model import Article, Block, Page  # noqa: E402

SOURCE = {"repo": "GeonjoonBae/shlib-shenbao-dataset-workflow",
          "licence": "none stated (no LICENSE file; a sample of the Shanghai Library 申報 database); not redistributed"}
COMMIT = "1715e857feb7855309f9bd766bfa6fd019104dd5"
PATHS = [f"shenbao_textdata/(sample)shenbao_textdata_{x}.csv"
         for x in ("lixian_1to7203", "xianfa_1to18648", "xianzheng_1to9906", "zhixian_1to4322")]
# edition date -> 版 numbers, picked among the 1948-49 (date, 版) with at
# least two hits whose first bracketed item is a dateline. The first eight
# dates are test pages (build.py TEST_DATES); the ten added later are dev,
# leaving out the candidates a day away from a test date (1949-05-09, -13,
# -24, -26), whose stories a test page may continue.
PAGES: dict[str, list[int]] = {
    # dev
    "1948-04-21": [1],
    "1948-05-01": [1],
    "1949-04-10": [3],
    "1949-04-11": [3],
    "1949-04-29": [2],
    "1949-05-02": [2],
    "1949-05-04": [2],
    "1949-05-07": [2],
    "1949-05-18": [2],
    "1949-05-23": [2],
    # test
    "1948-03-28": [1],
    "1948-09-20": [3],
    "1949-04-22": [3],
    "1949-04-27": [2],
    "1949-05-10": [2],
    "1949-05-12": [2],
    "1949-05-14": [2],
    "1949-05-25": [1],
}
RESERVED = {"1930-03-05", "1947-03-05"}

_PUBLISH = re.compile(r"^申報 日期：(?P<date>\d{4}-\d\d-\d\d) 版次/卷期：(?P<ban>\d+) 版 ?(?P<item>.*)$")
_DATELINE = re.compile(r"(?:電|訊)$")
_PARA_BREAK = re.compile(r"(?<=[。」！？])\s+")
def parse_article(title: str, item: str, text: str) -> Article:
    """One record as an article; ``item`` is the dateline ``publish`` gives."""
    a = Article(title_lines=title.split())
    a.dateline, a.dateline_date = item, dateline_date(item)
    a.blocks.append(Block("dateline", item))
    a.blocks += [Block("para", p) for p in _PARA_BREAK.split(text.strip()) if p]
    return a


def records(repo: Repo) -> dict[tuple[str, int], dict[str, dict]]:
    """(date, 版) -> {article id: record}, each article once, 申報 (Shanghai) pages only."""
    out: dict[tuple[str, int], dict[str, dict]] = {}
    for path in PATHS:
        for row in csv.DictReader(io.StringIO(repo.text(path, COMMIT).lstrip("\ufeff"))):
            m = _PUBLISH.match(row["publish"])
            aid = re.search(r"[?&]id=(\w+)", row["detail_url"])
            if not m or not aid:
                continue
            if "qrynewstype=SP_AD" in row["detail_url"] or m.group("item").startswith("分類廣告"):
                continue  # classified advertisements
            rec = {"title": row["title"], "text": row["text"], "item": m.group("item"), "path": path}
            out.setdefault((m.group("date"), int(m.group("ban"))), {}).setdefault(aid.group(1), rec)
    return out


def build(mirror: Path) -> list[Page]:
    repo = Repo(mirror, SOURCE["repo"])
    recs = records(repo)
    pages = []
    for ds, nums in sorted(PAGES.items()):
        if ds in RESERVED:
            raise ValueError(f"{ds} is a reserved edition")
        y, m, d = ds.split("-")
        for n in nums:
            hits = [recs[(ds, n)][k] for k in sorted(recs.get((ds, n), {}))]
            if len(hits) < 2 or not all(_DATELINE.search(h["item"]) for h in hits):
                raise ValueError(f"{ds} 版{n}: not two hits with datelines")
            pages.append(Page(
                paper="申报", paper_slug="shenbao", edition_date=ds, page_number=n,
                articles=[parse_article(h["title"], h["item"], h["text"]) for h in hits],
                repo=SOURCE["repo"], commit=COMMIT, paths=sorted({h["path"] for h in hits}), licence=SOURCE["licence"],
                header={"date": f"{y}年{int(m)}月{int(d)}日", "banci": f"第{n}版"}))
    return pages
