"""Chinese-numeral dates of historical datelines, shared by the 申报 and 晶報 modules (stdlib only).

Not a source module (build.py skips files starting with ``_``).
``dateline_date("合眾社東京三日電")`` → ``---03``; ``"重慶廿五日海通電"`` → ``---25``;
``"四月九日"`` → ``--04-09``; "" when the text names no day.
"""
from __future__ import annotations

import re

_CN = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_MONTH_DAY = re.compile(r"(?:(?P<m>[一二三四五六七八九十]{1,2})月)?(?P<d>[〇一二三四五六七八九十廿卅]{1,3})日")


def cn_number(s: str) -> int | None:
    """一 … 九, 十, 十一, 二十, 二十八, 廿六, 卅一 → int; None if not a number."""
    head = {"廿": 20, "卅": 30}
    if s[0] in head:
        rest = s[1:]
        return head[s[0]] + (_CN[rest] if rest in _CN else 0) if len(rest) <= 1 else None
    if "十" in s:
        tens, _, ones = s.partition("十")
        if len(tens) > 1 or len(ones) > 1:
            return None
        return (_CN[tens] if tens else 1) * 10 + (_CN[ones] if ones else 0)
    return _CN.get(s) if len(s) == 1 else None


def dateline_date(dateline: str) -> str:
    m = _MONTH_DAY.search(dateline)
    if not m or (day := cn_number(m.group("d"))) is None:
        return ""
    month = cn_number(m.group("m")) if m.group("m") else None
    return f"--{month:02d}-{day:02d}" if month else f"---{day:02d}"
