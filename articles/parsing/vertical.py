"""Whether a page was set in vertical columns: a historical page (民国 papers).

The vertical page's headlines follow their own conventions (segment.py), so
the parser must know one, and not by its script: Hong Kong, Taiwan and Macau
dailies print traditional characters on horizontal pages, and an archive may
give an old page converted to simplified ones. Three habits tell the old
page, and two must agree (one alone is a modern page quoting the past, an
editorial without figures, a list of names):

- its dates: a day in Chinese numerals, which a column of type sets upright
  (四月廿六日, 廿六日, a wire's 某地廿六日电), where the modern page writes
  26日 (Arabic numerals for dates and figures in print since 1987,
  GB/T 15835). A duration is no date (七日内, 第三日, 十年如一日, 一日游).
  A modern essay or 副刊 piece may still date in Chinese numerals after the
  month (三月十五日: GB/T 15835 leaves literary writing its numerals), so
  those days tell the old page only beside its own forms: 廿 and 卅 (the
  modern page spells 二十, 三十) or a wire dated in Chinese numerals;
- its figures: a long page with next to no Arabic figure at all;
- its pauses: the old 句读 closes clauses with 、, where the modern page uses
  ，and keeps 、 for lists (a list's items are short, and not counted); this
  only supports another habit.

A wire's dispatch dated in Chinese numerals (某地八日电) is a date alone.
A page too short to tell by its figures, in traditional characters with not
one Arabic figure, is old by its script unless its dates say otherwise. The page header (an
archive's 1948年4月21日 / 第2版) is not read. A page is read once, with
counts, and needs no converter.
"""

from __future__ import annotations

import re

_DIGITS = "0123456789０１２３４５６７８９"
_NUMERALS = "〇一二三四五六七八九十廿卅"
# Enough text to tell a page by its figures: a few hundred characters of
# modern news hold a date or a figure.
MIN_CHARS = 500
MAX_DIGITS_PER_1000 = 2
# One date may be a quotation (七月七日); two are the page's way.
MIN_DAYS = 2


def set_vertically(text: str, *, traditional: bool) -> bool:
    """text: the page's lines below its header, folded to simplified
    characters; traditional: whether the page as printed was not."""
    old_days, own, wired, new_days = _days(text)
    chars = len(text) - len(text.encode("ascii", "ignore"))  # Han and full-width punctuation
    digits = sum(text.count(d) for d in _DIGITS)
    old = new = 0
    if (own >= MIN_DAYS or wired) and old_days > new_days:
        old += 1
    elif new_days >= MIN_DAYS and new_days > old_days:
        new += 1
    short = chars < MIN_CHARS
    if not short:
        if digits * 1000 < MAX_DIGITS_PER_1000 * chars:
            old += 1
        else:
            new += 1
    if old and _clause_pauses(text) > text.count("，") + text.count(","):
        old += 1
    if short and not new and traditional and not digits:
        return True  # too short to tell by its figures: its script says
    return old >= 2 and old > new


# A clause the 句读 closes with 、 runs this long; a list's items (names,
# places) are shorter.
MIN_CLAUSE = 5
_STOPS = frozenset("、，。：；！？,.:;!? \n")


def _clause_pauses(text: str) -> int:
    """The 、 that close a clause, not an item of a list."""
    count, at = 0, text.find("、")
    while at >= 0:
        if at >= MIN_CLAUSE and not _STOPS.intersection(text[at - MIN_CLAUSE: at]):
            count += 1
        at = text.find("、", at + 1)
    return count


_YEAR_DIGITS = "〇零一二三四五六七八九"


def _signed(text: str, month: int) -> bool:
    """The month at this offset follows a year in four Chinese numerals
    (二〇二四年), as a modern notice or 公文 signs; the old page counted
    its years by the Republic's (三十八年)."""
    start = month
    while start > 0 and text[start - 1] in _NUMERALS:
        start -= 1
    year = text[start - 5: start]
    return len(year) == 5 and year[4] == "年" and all(c in _YEAR_DIGITS for c in year[:4])


# What follows a wire's day: 电, 讯, 专电/急电/特电, or the hour it was sent (五日下午六时电).
_WIRE_RE = re.compile(r"(?:[上下]午[^，。\n]{0,6}时)?[专急特]?[电讯]")


def _days(text: str) -> tuple[int, int, int, int]:
    """Days of the month written in Chinese numerals, how many of them are
    the old page's own forms (廿六日, a wire's 某地八日电), how many date a
    wire's dispatch (a modern wire writes 某地5月6日电), and days in Arabic
    numerals."""
    old = own = wired = new = 0
    at = text.find("日")
    while at > 0:
        before = text[at - 1]
        if before in _DIGITS:
            new += 1
        elif before in _NUMERALS:
            start = at - 1
            while start > 0 and text[start - 1] in _NUMERALS:
                start -= 1
            run, lead = text[start:at], text[start - 1] if start else ""
            lunar = lead == "初"  # 初八日: a day of the old calendar, the old page's own form
            if lunar and start > 1:
                lead = text[start - 2]
            wire = bool(_WIRE_RE.match(text, at + 1))
            if lead == "月" and _signed(text, start - 1):
                pass  # 二〇二四年三月十五日: a modern notice's signature, not an old page's day
            elif len(run) <= 3 and lead != "第" and (lead == "月" or run[0] in "廿卅" or wire):
                old += 1
                own += wire or lunar or run[0] in "廿卅"
                wired += wire
        at = text.find("日", at + 1)
    return old, own, wired, new
