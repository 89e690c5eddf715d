"""Recognise and parse bylines: who wrote or photographed an article, in which role.

Handles the shapes printed on the seed pages::

    □青岛日报/观海新闻记者 李德银 通讯员 刘伟
    □ 本报记者 薄克国            (with 本报通讯员 张少丰 王秀梅 on the next line)
    □ 记者 李媛 通讯员 丁厚冉 报道
    观海新闻/青岛晚报 记者 李沛     (at the end of the body)
    (观海新闻/青岛晚报 记者 张琰)   (inline, closing the last paragraph)
    刘栋 摄影报道
"""

from __future__ import annotations

import re

from .records import BylineRecord

# Longest first, so 见习记者 is not read as 记者.
ROLES = ("见习记者", "特约记者", "首席记者", "摄影记者", "记者", "通讯员", "实习生", "摄影")
_ROLE_RE = re.compile(r"(?:本报)?(" + "|".join(ROLES) + r")")
_NAME_RE = re.compile(r"^[\u4e00-\u9fff·]{2,4}$")
# An outlet is a short run of words such as 青岛日报/观海新闻.
_OUTLET_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z·/]{2,20}$")
_OUTLET_SUFFIXES = ("报", "新闻", "社", "台", "网", "端", "刊")
# 报道 / 摄影报道 closes a byline, sometimes twice over (记者 白晓 报道 报道).
_TRAILING_REPORT_RE = re.compile(r"(?:\s*报道)+$")
# Words of a byline that are never a person's name.
NOT_NAMES = frozenset({"报道", "摄影", "摄影报道", "记者", "通讯员", "实习生", "本报", "编辑", "整理", "编译", "供图", "报道组"})
_INLINE_TAIL_RE = re.compile(r"[(（]([^()（）]{4,40})[)）]\s*$")


def parse_byline(text: str) -> list[BylineRecord] | None:
    """Return the people named by a whole-line byline, or None if it is not one."""
    s = text.strip()
    boxed = s.startswith("□")
    s = s.lstrip("□").strip()
    if s[:1] in "(（" and s[-1:] in ")）":
        s = s[1:-1].strip()
    s = _TRAILING_REPORT_RE.sub("", s)
    if not s or len(s) > 60:
        return None
    parts = _ROLE_RE.split(s)
    # parts = [lead, role1, names1, role2, names2, ...]
    lead = parts[0].strip()
    pairs = list(zip(parts[1::2], parts[2::2]))
    if not pairs:
        return None
    people: list[BylineRecord] = []
    outlet = ""
    if lead and _is_outlet(lead):
        outlet = lead
    elif lead:
        # "刘栋 摄影": names first, role last.
        names = lead.split()
        if len(pairs) == 1 and not pairs[0][1].strip() and all(_NAME_RE.match(n) for n in names):
            return [BylineRecord(name=n, role=pairs[0][0], outlet="") for n in names]
        return None
    for role, names_text in pairs:
        names = names_text.split()
        if not names or not all(_is_name(n) for n in names):
            return None
        people.extend(BylineRecord(name=n, role=role, outlet=outlet) for n in names)
    if not people:
        return None
    if not boxed and len(people) > 6:
        return None
    return people


def split_inline_byline(paragraph: str) -> tuple[str, list[BylineRecord] | None]:
    """Take a parenthesised byline off the end of a paragraph, if there is one."""
    match = _INLINE_TAIL_RE.search(paragraph)
    if not match:
        return paragraph, None
    people = parse_byline(match.group(1))
    if not people:
        return paragraph, None
    return paragraph[: match.start()].rstrip(), people


def _is_name(text: str) -> bool:
    return bool(_NAME_RE.match(text)) and text not in NOT_NAMES


def _is_outlet(text: str) -> bool:
    return bool(_OUTLET_RE.match(text)) and (
        "/" in text or text.endswith(_OUTLET_SUFFIXES)
    )
