"""Datelines (本报10月10日讯), jump lines ((上接第一版)) and other printed markers."""

from __future__ import annotations

import datetime
import re

# 电 closes a dateline only after a date or the agency itself (新华社北京10月9日电,
# 新华社电), so a paragraph such as 本报记者走访电商基地… is not read as one.
_DATELINE_RE = re.compile(
    r"^((?:本报|新华社|中新社)(?:[\u4e00-\u9fff]{0,8}?)?(?:(\d{1,2})月(\d{1,2})日)?(?:(?<![资通快简喜音视短])讯|(?<=[日社报])电))(?!员)\s*"
)
_JUMP_FROM_RE = re.compile(r"^[(（](?:上接|紧接)(第?[\dA-Z一二三四五六七八九十百]+版)[)）]\s*")
_JUMP_TO_RE = re.compile(r"\s*[(（](?:下转|转)(第?[\dA-Z一二三四五六七八九十百]+版)[)）]\s*$")
_FOOTER_RE = re.compile(r"^[◆◇★]|更多精彩内容请关注|扫码(?:关注|下载)")


def split_dateline(text: str) -> tuple[str, int | None, int | None, str]:
    """Return (dateline, month, day, rest); dateline is "" when there is none."""
    match = _DATELINE_RE.match(text)
    if not match:
        return "", None, None, text
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    if not is_valid_month_day(month, day):
        month = day = None
    return match.group(1), month, day, text[match.end():]


def is_valid_month_day(month: int | None, day: int | None) -> bool:
    """True unless a month or day is given that no calendar has (13月, 2月30日, 32日)."""
    if month is None and day is None:
        return True
    try:
        datetime.date(2000, 1 if month is None else month, 1 if day is None else day)  # a leap year: 2月29日 is real
    except ValueError:
        return False
    return True


def split_jump_from(text: str) -> tuple[str, str]:
    """Return (page label, rest) for a paragraph opening with (上接第一版)."""
    match = _JUMP_FROM_RE.match(text)
    if not match:
        return "", text
    return _label(match.group(1)), text[match.end():]


def split_jump_to(text: str) -> tuple[str, str]:
    """Return (page label, rest) for a paragraph closing with (下转第二版)."""
    match = _JUMP_TO_RE.search(text)
    if not match:
        return "", text
    return _label(match.group(1)), text[: match.start()]


def is_footer(text: str) -> bool:
    return bool(_FOOTER_RE.search(text))


def _label(text: str) -> str:
    return text if text.startswith("第") else "第" + text
