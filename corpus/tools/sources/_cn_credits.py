"""Credit and dateline helpers shared by the corpus-b source modules (stdlib only).

Not a source module (build.py skips files starting with ``_``).

``parse_credit(text)`` reads a printed credit line such as ``记者 董吕平 通讯员 何超``,
``本报记者  孙中钦  陈炅玮  摄影报道``, ``特约通讯员  忻文轲    本报记者  潘高峰``,
``本报记者王军`` and returns the people in printed order with the README's role
words (本报记者/首席记者/新华社记者/全媒体记者 → 记者, 特约通讯员/本报通讯员 →
通讯员, ``… 摄`` / ``摄影报道`` → 摄影), or None when the text is not wholly a credit.

``split_tail_credit(para)`` finds a credit printed at the end of a paragraph
(``…中发现。  本报记者  左妍``) and returns (paragraph, credit) or None.

``match_dateline(para)`` reads a dateline at the start of the first paragraph
(``本报讯``, ``本报X月X日讯``, ``新华社北京4月2日电``, ``据新华社北京4月2日电（记者  吴雨）``).
"""
from __future__ import annotations

import re

from model import Reporter

# printed role word -> README role word; longest first
_ROLES = [
    ("本报首席记者", "记者"), ("本报特约记者", "特约记者"), ("本报见习记者", "见习记者"),
    ("本报特约通讯员", "通讯员"), ("新华社记者", "记者"), ("全媒体记者", "记者"),
    ("融媒体记者", "记者"), ("首席记者", "记者"), ("本报记者", "记者"), ("特约记者", "特约记者"),
    ("见习记者", "见习记者"), ("特派记者", "记者"), ("特约通讯员", "通讯员"),
    ("本报通讯员", "通讯员"), ("通讯员", "通讯员"), ("实习生", "实习生"), ("记者", "记者"),
]
_PHOTO_TAIL = ("摄影报道", "摄")
_CJK = re.compile(r"^[\u4e00-\u9fff·]+$")
_WS = "\\s\u3000\xa0"


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(rf"[{_WS}、，,]+", text.strip()) if t]


def parse_credit(text: str) -> list[Reporter] | None:
    toks = _tokens(text)
    if not toks:
        return None
    photo = False
    if toks[-1] in _PHOTO_TAIL:
        photo, toks = True, toks[:-1]
    elif toks[-1].endswith("摄") and len(toks[-1]) > 1:
        photo, toks[-1] = True, toks[-1][:-1]
    out: list[Reporter] = []
    role = None
    pending_single = False
    for tok in toks:
        for word, r in _ROLES:
            if tok.startswith(word):
                role, tok = r, tok[len(word):]
                pending_single = False
                break
        if not tok:
            continue
        if role is None or not _CJK.match(tok) or len(tok) > 4:
            return None
        if len(tok) == 1 and pending_single and out:  # a padded two-character name: 王  春
            out[-1] = Reporter(out[-1].name + tok, out[-1].role)
            pending_single = False
            continue
        out.append(Reporter(tok, role))
        pending_single = len(tok) == 1
    if not out or any(len(r.name) < 2 for r in out):
        return None
    if photo:
        out = [Reporter(r.name, "摄影") for r in out]
    return out


_ROLE_START = re.compile("|".join(sorted({w for w, _ in _ROLES}, key=len, reverse=True)))


def split_tail_credit(para: str, window: int = 60) -> tuple[str, str] | None:
    """(body part, credit) when the paragraph ends with a credit."""
    start = max(0, len(para) - window)
    for m in _ROLE_START.finditer(para, start):
        p = m.start()
        if p == 0:
            continue
        if para[p - 1] not in "。！？”」）)…" and not para[p - 1].isspace():
            continue
        tail = para[p:]
        if parse_credit(tail):
            return para[:p].rstrip(), tail
    return None


_DATELINE = re.compile(
    rf"^(?P<dl>(?:据)?(?:本报|新华社|中新社)[\u4e00-\u9fff]{{0,8}}?(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日(?:电|讯)"
    rf"|本报讯|据新华社电|新华社电)(?P<credit>[{_WS}]*（[^）]{{1,40}}）)?[{_WS}]*")


def match_dateline(para: str):
    """(lead, dateline, dateline_date, reporters) or None."""
    m = _DATELINE.match(para)
    if not m:
        return None
    date = f"--{int(m.group('m')):02d}-{int(m.group('d')):02d}" if m.group("m") else ""
    reps: list[Reporter] = []
    if m.group("credit"):
        reps = parse_credit(m.group("credit").strip(_WS_CHARS).strip("（）")) or []
    return m.group(0), m.group("dl"), date, reps


_WS_CHARS = " \t\r\n\u3000\xa0"
