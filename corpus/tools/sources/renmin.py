"""人民日报 pages from caspiankexin/people-daily-crawler-date.

The assigned source, leeperfect/PeopleDailyMaterial, has no snapshot that
can be fetched here (the search tool answers "No snapshot of that
repository can be had here"), so this module reads the one People's Daily
text snapshot that can: caspiankexin/people-daily-crawler-date. Its
history (not HEAD: the author removed the data later) holds monthly 7z
archives, ``2019年数据/2019年10月.7z`` …, of the paper's e-paper text, one
file per article: ``<YYYYMMDD>/<YYYYMMDD>-<版>-<article no>.txt``. The
article number is its order on the 版, so a page is its files in that
order. A file is::

    <引题, or an empty line>
    <主题>
    <——副题, or an empty line, or the first paragraph>
    　　<paragraph>            (one per line, indented with 　　)

Reading the archives needs the ``7z`` command (Debian: p7zip-full).

Labels derived from that structure (see ``parse_article``):
  - 引题/主题/副题 from the first three lines;
  - dateline and credit from the first paragraph: ``本报北京1月5日电  （记者
    王浩）``, ``新华社北京1月5日电``, ``本报讯``, ``据新华社电`` … (the
    printed prefix is the article's ``lead``, not body);
  - a dateline on its own line at the end, ``（本报内比都1月15日电）``, its
    date read as a leading dateline's;
  - credit lines: ``本报记者  X`` above the body, ``X摄`` / ``X摄影报道``
    / ``本报记者  X摄`` after it (role 摄影);
  - 小标题: a line of at most 30 characters with no closing punctuation,
    and ``核心阅读``; a line beginning ``——`` (the quoted person under a
    quote), ``数据来源`` or ``制图`` is a note; captions: a line beginning ``图为`` / ``图①`` / ``上图``.
Pages are picked (PAGES) among those these rules label right, checked by
eye; a page whose articles the rules cannot label is not picked.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from mirror import MissingSource, Repo
from model import Article, Block, Page, Reporter

SOURCE = {"repo": "caspiankexin/people-daily-crawler-date",
          "licence": "none stated (no LICENSE file; the author later withdrew the data); not redistributed"}

# commit holding the archive, archive path
ARCHIVES = {
    "2019-10": ("0e607dd825f0cf709bc751a575af426c30f5f67a", "2019年数据/2019年10月.7z"),
    "2020-01": ("d3f8f1444b45855502443207187996f858516c74", "2020年数据/2020年1月.7z"),
    "2020-05": ("d3f8f1444b45855502443207187996f858516c74", "2020年数据/2020年5月.7z"),
}
# edition date -> 版 numbers
PAGES: dict[str, list[int]] = {
    "2019-10-09": [2, 10],
    "2019-10-16": [2, 14],
    "2019-10-23": [2, 10, 14],
    "2020-01-06": [2, 11, 14, 15],
    "2020-01-14": [4, 8, 14],
    "2020-01-21": [7, 12, 15],
    # added later: dev pages (build.py keeps the earlier pages' split)
    "2019-10-30": [3, 5, 13],
    "2020-01-02": [3, 7, 13, 17],
    "2020-01-28": [1, 3, 5],
    # added later, from a month no page had come from, and scored before
    # the parser was changed for them (the unseen figure): dev pages
    "2020-05-12": [3, 7, 12, 15],
    "2020-05-19": [4, 11],
}

WEEKDAYS = "一二三四五六日"
CN_NUM = "〇一二三四五六七八九"

_IND = "　\u3000\xa0 \t\r"
_CLOSE = tuple("。！？；…”’」）)：:，,、!?】》")
ROLE_WORDS = ["特约通讯员", "特约记者", "见习记者", "实习生", "通讯员", "记者", "编译", "整理"]
_NAME = r"[\u4e00-\u9fff·][\u4e00-\u9fff·\xa0 ]{0,6}[\u4e00-\u9fff]"
_DATELINE = re.compile(
    r"^(?P<dl>(?:(?:本报|新华社|中新社|人民网|据新华社)[\u4e00-\u9fff]{0,8}?)?"
    r"(?P<m>\d{1,2})月(?P<d>\d{1,2})日电|本报讯|本报电|据新华社电|新华社电)"
    r"(?P<sp>[\s\xa0　]*)(?P<credit>（[^）]{1,40}）)?[\s\xa0　]*")
_END_DATELINE = re.compile(r"^（(?P<dl>[^（）]{1,40}电)）$")
_PHOTO = re.compile(rf"^(?:(?:本报记者|新华社记者)[\s\xa0]*)?(?P<names>{_NAME}(?:[\s\xa0]+{_NAME})*)[\s\xa0]*(?:摄影报道|摄)(?:（[^）]*）)?$")
_TOP_BYLINE = re.compile(rf"^(?P<who>本报记者|新华社记者|本报特约记者|本报通讯员)[\s\xa0]+(?P<names>{_NAME}(?:[\s\xa0、]+{_NAME})*)$")


def _names(s: str) -> list[str]:
    """Names in a credit: separated by spaces or 、. A two-character name is
    printed padded (``王  春``), so single characters next to each other are
    one name (``常碧罗  邹  乐`` → 常碧罗, 邹乐)."""
    toks = [t for t in re.split(r"[\s\xa0　、]+", s.strip()) if t]
    out: list[str] = []
    for t in toks:
        if len(t) == 1 and out and len(out[-1]) == 1:
            out[-1] += t
        else:
            out.append(t)
    return out


def _role_of(word: str) -> str:
    for r in ROLE_WORDS:
        if word.endswith(r):
            return r
    return ""


def parse_credit(credit: str) -> list[Reporter]:
    """``（记者王浩、李明，通讯员张三）`` → reporters in printed order."""
    inner = credit.strip("（）")
    out, role = [], ""
    for tok in re.split(r"[，,、\s\xa0]+", inner):
        if not tok:
            continue
        for r in ROLE_WORDS:
            i = tok.find(r)
            if i >= 0 and (i == 0 or tok[:i].startswith(("本报", "新华社", "人民日报"))):
                role, tok = r, tok[i + len(r):]
                break
        if tok and role:
            out.append(Reporter(tok, role))
    return out


def _dateline_date(m: re.Match) -> str:
    if m.group("m"):
        return f"--{int(m.group('m')):02d}-{int(m.group('d')):02d}"
    return ""


def parse_article(text: str) -> Article:
    lines = text.replace("\r", "").split("\n")
    while len(lines) < 3:
        lines.append("")
    a = Article()
    a.kicker = lines[0].strip(_IND)
    a.title_lines = [lines[1].strip(_IND)]
    rest = lines[2:]
    third = rest[0].strip(_IND)
    if rest[0] and not rest[0].startswith(("　", "\xa0")) and third:
        if third.startswith("——"):
            a.subtitle, a.subtitle_dash = third[2:], True
        else:
            a.subtitle = third
        rest = rest[1:]
    body = [l.strip(_IND) for l in rest]
    body = [l for l in body if l]
    # credit above the body
    if body and (m := _TOP_BYLINE.match(body[0])):
        a.byline_lines.append(body.pop(0))
        role = _role_of(m.group("who"))
        a.reporters += [Reporter(n, role) for n in _names(m.group("names"))]
    first_para = True
    for line in body:
        if first_para and (m := _DATELINE.match(line)) and len(m.group("dl")) <= 20:
            a.dateline = m.group("dl")
            a.dateline_date = _dateline_date(m)
            if m.group("credit"):
                a.reporters += parse_credit(m.group("credit"))
            a.lead = line[:m.end()]
            a.blocks.append(Block("para", line))
            first_para = False
            continue
        if (m := _END_DATELINE.match(line)):
            if not a.dateline:
                a.dateline = m.group("dl")
                # its date as a leading dateline's (README: dateline_date)
                if (md := re.search(r"(\d{1,2})月(\d{1,2})日电$", a.dateline)):
                    a.dateline_date = f"--{int(md.group(1)):02d}-{int(md.group(2)):02d}"
            a.blocks.append(Block("dateline", line))
            continue
        if (m := _PHOTO.match(line)):
            a.reporters += [Reporter(n, "摄影") for n in _names(m.group("names"))]
            a.blocks.append(Block("byline", line))
            continue
        if line.startswith(("——", "数据来源", "资料来源", "制图", "（作者")):
            a.blocks.append(Block("note", line))
            continue
        if line.startswith(("图为", "图①", "上图", "下图", "图片")):
            a.blocks.append(Block("caption", line))
            continue
        if line == "核心阅读" or (len(line) <= 30 and not line.endswith(_CLOSE)):
            a.blocks.append(Block("subhead", line))
            continue
        a.blocks.append(Block("para", line))
        first_para = False
    return a


class Archive:
    def __init__(self, repo: Repo, commit: str, path: str):
        if not shutil.which("7z"):
            raise MissingSource("the 7z command is needed (apt-get install p7zip-full)")
        self.commit, self.path = commit, path
        self.tmp = Path(tempfile.mkdtemp(prefix="renmin-"))
        (self.tmp / "a.7z").write_bytes(repo.read(path, commit))
        subprocess.run(["7z", "x", "-y", f"-o{self.tmp}/x", str(self.tmp / "a.7z")],
                       check=True, capture_output=True)

    def files(self, ymd: str) -> list[Path]:
        return sorted(self.tmp.glob(f"x/*/{ymd}/{ymd}-*.txt"))

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)


def page_header(d: date, banci: int) -> dict:
    return {"date": f"{d.year}年{d.month}月{d.day}日", "weekday": "星期" + WEEKDAYS[d.weekday()],
            "banci": f"第{banci:02d}版"}


def build(mirror: Path) -> list[Page]:
    repo = Repo(mirror, SOURCE["repo"])
    pages = []
    for month, (commit, path) in ARCHIVES.items():
        dates = [d for d in PAGES if d.startswith(month)]
        if not dates:
            continue
        arc = Archive(repo, commit, path)
        try:
            for ds in sorted(dates):
                ymd = ds.replace("-", "")
                files = arc.files(ymd)
                for banci in PAGES[ds]:
                    mine = [f for f in files if f.stem.split("-")[1] == f"{banci:02d}"]
                    if not mine:
                        raise ValueError(f"{ds} 第{banci}版: no files")
                    arts = [parse_article(f.read_text(encoding="utf-8")) for f in mine]
                    inner = [str(f.relative_to(arc.tmp / "x")) for f in mine]
                    pages.append(Page(
                        paper="人民日报", paper_slug="renmin", edition_date=ds, page_number=banci,
                        articles=arts, repo=SOURCE["repo"], commit=commit,
                        paths=[f"{path}!{p}" for p in inner], licence=SOURCE["licence"],
                        header=page_header(date.fromisoformat(ds), banci)))
        finally:
            arc.close()
    return pages
