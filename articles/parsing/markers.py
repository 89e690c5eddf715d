"""Datelines (本报10月10日讯), jump lines ((上接第N版)) and other printed markers."""

from __future__ import annotations

import datetime
import re

# The conventions of a Chinese dateline (电头): who sent it (本报 = this paper, a
# news agency 新华社/中新社/中央社, a site 中新网/人民网, a paper's short name
# 南都), optionally where and when, closed by 讯 (own reporting) or 电 (wired):
# 本报讯, 本报北京3月4日电, 新华社北京10月9日电, 中新网3月4日电, 南都讯,
# 据新华社北京1月5日电, and the traditional 本報訊, 〔中央社東京四日電〕.
# 电 closes a dateline only after a date or the sender itself (新华社北京10月9日电,
# 新华社电), so a paragraph such as 本报记者走访电商基地… is not read as one.
_DAY = r"(\d{1,2}|[一二三四五六七八九十廿卅]{1,3})"
_MONTH = r"(?:(\d{1,2}|[一二三四五六七八九十]{1,2})月)?"
# The day may stand without its month (中央社甲地廿七日電: the month is the
# issue's), a paper's own wire is a 专电 (本报伦敦廿六日专电), and a report
# filed from several places names them all (本报北京、东京5月11日电).
_DATELINE_RE = re.compile(
    r"^((?:本报|据?(?:新华社|中新社|中央社|中新网|人民网|新华网|央视网|央视新闻|法新社|路透社|美联社|共同社|塔斯社|韩联社))"
    r"(?:[\u4e00-\u9fff]{0,8}?(?:、[\u4e00-\u9fff]{1,8}?){0,3})?(?:" + _MONTH + _DAY + r"日)?(?:(?<![资通快简喜音视短])讯|(?<=[日社报网])专?电))(?!员)\s*"
)
# Any news agency (通讯社: 联合社, 合众社, 法国新闻社 …) sends 社, a place and a
# date, closed by 电: with the date required, so a clause such as 合作社来电 is
# none, and 电 opening a word (电话, 电视) is not the dateline's.
_AGENCY_RE = re.compile(
    r"^(据?[\u4e00-\u9fff]{1,5}社[\u4e00-\u9fff]{0,8}?" + _MONTH + _DAY + r"日专?电)(?![员话报视脑影力商子器池线站])\s*"
)
# A paper's short name before 讯, set apart by a space or bracket: 南都讯 记者…, 扬子晚报讯（记者…）.
_SHORT_SENDER_RE = re.compile(r"^([\u4e00-\u9fff]{2,6}(?<![资通快简喜音视短])讯)(?=\s|[（(])\s*")
# 〔中央社東京四日電〕, 【新华社北京3月4日电】
_BRACKETED_RE = re.compile(
    r"^([〔【\[]([\u4e00-\u9fff]{2,4}社)[\u4e00-\u9fff]{0,8}?(?:(\d{1,2}|[一二三四五六七八九十]{1,3})月)?"
    + _DAY + r"日电[〕】\]])\s*"
)
# A wire dateline of the 1930s–40s in round brackets: place, day, the agency's
# short name and 电: （重庆廿日海通电）, （巴黎廿日美联电）, （某地廿日电）.
_ROUND_WIRE_RE = re.compile(
    r"^([（(][\u4e00-\u9fff]{1,8}?(?:、[\u4e00-\u9fff]{1,8}?){0,3}" + _MONTH + _DAY + r"日[\u4e00-\u9fff]{0,3}?专?电[)）（])\s*"  # OCR may mirror the closing bracket
)
# （南京） opening the first paragraph of old-style pages: a place in brackets.
_PLACE_RE = re.compile(r"^([（(][\u4e00-\u9fff]{2,4}[)）])\s*(?=[\u4e00-\u9fff“])")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "廿": 20, "卅": 30}


def _number(text: str | None) -> int | None:
    """12 or 十二 / 廿四 / 三十一 as an int."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _CN_DIGITS.get(text)
    total = 0
    if text[0] in "十廿卅":
        total = _CN_DIGITS[text[0]]
        rest = text[1:]
    elif len(text) >= 2 and text[1] == "十":
        total = _CN_DIGITS.get(text[0], 0) * 10
        rest = text[2:]
    else:
        return None
    if rest:
        if len(rest) != 1 or rest not in _CN_DIGITS or _CN_DIGITS[rest] >= 10:
            return None
        total += _CN_DIGITS[rest]
    return total


_JUMP_FROM_RE = re.compile(r"^[(（](?:上接|紧接|接)(第?[\dA-Z一二三四五六七八九十百]+版)[)）]\s*")
_JUMP_TO_RE = re.compile(r"\s*[(（](?:下转|转)(第?[\dA-Z一二三四五六七八九十百]+版)[)）]\s*$")
_FOOTER_MARK_RE = re.compile(r"^[◆◇★]")
# A short phrase set between two like ornaments (◇某某◇) is display type: a
# headline, or a photograph's caption; a footer's mark opens its line only.
_ORNAMENTED_RE = re.compile(r"^([◆◇◎○●■□◘★☆])([^◆◇◎○●■□◘★☆\s]{1,12})\1$")
# A paper's own promotion printed at the foot of a page, pointing readers to its
# app or account: 更多……请关注……客户端, 扫码关注/下载, 关注……公众号. Short and
# without a sentence's end, so a body sentence that mentions following an
# account is never taken for one.
_PROMOTION_RE = re.compile(r"^(?:更多.{0,12}请关注|扫码(?:关注|下载|阅读)|(?:欢迎)?关注.{0,16}(?:客户端|公众号|视频号))")
MAX_PROMOTION = 40
# The photographers of the whole page, set at its foot or under its last story
# (本版摄影 张三, 本版图片：李四): the page's staff, not a story's credit.
_PAGE_PICTURES_RE = re.compile(r"^本版(?:摄影|图片|照片|供图|插图|图)(?:[:：]|\s)\s*\S")
MAX_PAGE_PICTURES = 30


def split_dateline(text: str, *, first_paragraph: bool = False) -> tuple[str, int | None, int | None, str]:
    """Return (dateline, month, day, rest); dateline is "" when there is none.

    first_paragraph: also read an old-style place in brackets, （南京）, which
    only opens the first paragraph of an article.
    """
    match = _DATELINE_RE.match(text) or _AGENCY_RE.match(text)
    month = day = None
    if match:
        month, day = _number(match.group(2)), _number(match.group(3))
    elif match := _BRACKETED_RE.match(text):
        month, day = _number(match.group(3)), _number(match.group(4))
    elif match := _ROUND_WIRE_RE.match(text):
        month, day = _number(match.group(2)), _number(match.group(3))
    elif match := _SHORT_SENDER_RE.match(text):
        pass
    elif first_paragraph and (match := _PLACE_RE.match(text)) and not _ROLE_HINT_RE.search(match.group(1)):
        pass
    else:
        return "", None, None, text
    dateline = match.group(1)
    following = text[len(dateline): len(dateline) + 1]
    if "日" not in dateline and dateline[0] not in "（(〔【[" and "\u4e00" <= following <= "\u9fff":
        return "", None, None, text  # 本报电视节目…: a word, not a dateline set apart
    if not is_valid_month_day(month, day):
        month = day = None
    return dateline, month, day, text[match.end():]


_ROLE_HINT_RE = re.compile(r"记者|通讯员|摄|图|上接|下转|续|完|编|报")


def trailing_dateline(text: str) -> str:
    """A dateline in round brackets alone on its line, as papers print it after
    a report's last paragraph instead of before its first (（本报某地1月1日电）):
    the dateline inside the brackets, or "" when the line is none."""
    if text[:1] not in "（(" or text[-1:] not in "）)":
        return ""
    dateline, _, _, rest = split_dateline(text)
    return dateline[1:-1] if dateline and not rest.strip() and dateline[-1] in "）)" else ""


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
    """Return (page label, rest) for a paragraph opening with (上接第N版)."""
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


def is_jump_to_line(text: str) -> bool:
    """A line that is only a jump: （下转第二版）."""
    label, rest = split_jump_to(text)
    return bool(label) and not rest.strip()


def ornamented(text: str) -> str:
    """The phrase between the ornaments of ◇某某◇, or ""."""
    match = _ORNAMENTED_RE.match(text)
    return match.group(2) if match else ""


def is_page_pictures(text: str) -> bool:
    """本版摄影 张三: the page's photographers (a page credit)."""
    return len(text) <= MAX_PAGE_PICTURES and bool(_PAGE_PICTURES_RE.match(text))


def is_footer(text: str) -> bool:
    if _FOOTER_MARK_RE.search(text) and not ornamented(text):
        return True
    if is_page_pictures(text):
        return True
    return len(text) <= MAX_PROMOTION and not text.endswith(("。", "！", "？")) and bool(_PROMOTION_RE.search(text))


def _label(text: str) -> str:
    return text if text.startswith("第") else "第" + text
