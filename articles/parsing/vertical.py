"""Whether a page was set in vertical columns: a historical page (民国 papers).

The vertical page's headlines follow their own conventions (segment.py), so
the parser must know one, and not by its script: Hong Kong, Taiwan and Macau
dailies print traditional characters on horizontal pages, and an archive may
give an old page converted to simplified ones. What tells the old page is how
it writes figures: in Chinese numerals, which a column of type sets upright
(廿六日, 三百餘人), where the modern page, in either script, writes dates and
figures in Arabic numerals (the national rule for print since 1987,
GB/T 15835); and how it marks pauses: the old page's 句读 sets 、 at every
pause, where the modern one uses ，and keeps 、 for lists. Only a page too
short to tell by these falls back on its script: in traditional characters
with not one Arabic figure. A page is read once, and needs no converter.
"""

from __future__ import annotations

import re

_HAN_RE = re.compile(r"[\u3400-\u9fff]")
_DIGIT_RE = re.compile(r"[0-9０-９]")
# A day of the month as each page writes it: 廿六日 / 26日.
_OLD_DAY_RE = re.compile(r"(?<![一二三四五六七八九十廿卅〇])(?:[一二三四五六七八九十廿卅]{1,3})日")
_NEW_DAY_RE = re.compile(r"(?<![0-9０-９])[0-9０-９]{1,2}日")
_COMMA_RE = re.compile(r"[，,]")
# Enough text to tell a page without dates by its figures: a few hundred
# characters of modern news hold a date or a figure.
MIN_HAN = 500
# One day written so may be a phrase (十年如一日); two are the page's way.
MIN_DAYS = 2
MAX_DIGITS_PER_1000 = 2


def set_vertically(text: str, *, traditional: bool) -> bool:
    """The page writes its dates in Chinese numerals rather than Arabic; or it
    pauses with 、 more than with ，; or, long enough to tell, it writes next to
    no Arabic figure at all. text: the page folded to simplified characters;
    traditional: whether the page as printed was not."""
    old_days, new_days = len(_OLD_DAY_RE.findall(text)), len(_NEW_DAY_RE.findall(text))
    if max(old_days, new_days) >= MIN_DAYS and old_days != new_days:
        return old_days > new_days
    if text.count("、") > len(_COMMA_RE.findall(text)):
        return True
    han, digits = len(_HAN_RE.findall(text)), len(_DIGIT_RE.findall(text))
    if han >= MIN_HAN:
        return digits * 1000 < MAX_DIGITS_PER_1000 * han
    return traditional and not digits
