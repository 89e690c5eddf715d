"""Read a run of headline lines as 栏目 (column), 引题 (kicker), 主题 (title), 副题 (subtitle).

Printed headlines stack as ``[column] [kicker] title [subtitle]``. Nothing in
OCR text says which line is which, so we try the stacks from the longest down
and take the first whose lines fit their roles. Lines above the chosen stack
belong to the previous article (its last subhead or a paragraph fragment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import HEADING, KICKER, SUBLINE, Line

COLUMN, KICK, TITLE, SUB = "column", "kicker", "title", "subtitle"

# Longest first; among stacks of one length, the likelier first.
_STACKS = (
    (COLUMN, KICK, TITLE, SUB),
    (COLUMN, KICK, TITLE),
    (KICK, TITLE, SUB),
    (COLUMN, TITLE, SUB),
    (KICK, TITLE),
    (COLUMN, TITLE),
    (TITLE, SUB),
    (TITLE,),
)
# A column banner is a slogan of short phrases: 抓落实·稳增长·促发展, 抓落实 促发展.
_BANNER_SPLIT_RE = re.compile(r"[·•・\s]+")
MAX_BANNER_PHRASE = 8
# A long single headline with a space is two printed lines run together:
# <a meeting held> <the city's resulting goal>, two clauses on one line.
MIN_JOINED_HEADLINE = 30
MIN_JOINED_KICKER = 12


@dataclass
class Headline:
    column: str = ""
    kicker: str = ""
    title: str = ""
    subtitle: str = ""


# The trade's names of the columns that head a run of briefs or an opinion
# piece: a 栏目 over its items, never a story's 引题 or title.
COLUMN_LABELS = frozenset(
    {"简讯", "短讯", "简报", "要闻简报", "快讯", "新闻速递", "一句话新闻", "社论", "评论员文章", "本报评论员文章", "短评", "时评", "述评",
     "社评"}
)


def looks_like_banner(text: str, known_columns: frozenset[str] = frozenset()) -> bool:
    if text in known_columns or text in COLUMN_LABELS:
        return True
    phrases = [p for p in _BANNER_SPLIT_RE.split(text) if p]
    return len(phrases) >= 2 and all(len(p) <= MAX_BANNER_PHRASE for p in phrases)


# A 主题 set in display type across a narrow measure wraps over several lines
# (短行 of a dozen characters or so); a 引题 or 副题 is a line of its own.
MAX_WRAPPED_LINE = 18
MIN_WRAPPED_LINES = 3
MAX_WRAPPED_TAIL = 5
# A line break inside one sentence: the line above ends on a verb of saying
# without its words (某人称) or on a preposition or conjunction, or the line
# below opens with a predicate that has no subject of its own (被…, 将…, 严禁…).
_WRAP_END_RE = re.compile(r"(?:称|说|[的和与及对把将被向从跟同])$")
_WRAP_START_RE = re.compile(r"^(?:被|遭|可|将|正|严禁|禁止)")


def _plain(line: Line) -> bool:
    return line.kind not in (KICKER, SUBLINE, HEADING) and not _TAG_RE.search(line.text)


def _wrapped(lines: list[Line]) -> bool:
    """Lines set directly under each other that are one 主题 wrapped: three or
    more short plain lines (a paper sets its 引题 and 副题 apart, not as a third
    line of equal measure), or two whose break falls inside a sentence."""
    if len(lines) < 2 or any(line.gap for line in lines[1:]) or not all(_plain(line) for line in lines):
        return False
    if len(lines) >= MIN_WRAPPED_LINES:
        return all(len(line.text) <= MAX_WRAPPED_LINE for line in lines)
    a, b = lines[0].text, lines[1].text
    if _WRAP_END_RE.search(a) or _WRAP_START_RE.match(b):
        return True
    # A tail of a few characters (……全场欢呼) adds no detail as a 副题 would, and
    # stands under no 引题 that sets the scene in clauses or names a speaker.
    return len(b) <= MAX_WRAPPED_TAIL and not _CLAUSE_RE.search(a) and not _KICKER_END_RE.search(a)


def _join(lines: list[Line]) -> Line:
    text = lines[0].text
    for line in lines[1:]:
        # Chinese lines join without a space; Latin words or figures keep one.
        space = " " if text[-1].isascii() and text[-1].isalnum() and line.text[0].isascii() and line.text[0].isalnum() else ""
        text += space + line.text
    return Line(start=lines[0].start, end=lines[-1].end, text=text, gap=lines[0].gap, kind=lines[0].kind)


def _unwrap(run: list[Line]) -> tuple[list[Line], list[int]]:
    """The run with its last wrapped 主题 joined into one line, and for each line
    of the result the index of its first line in run."""
    for size in range(len(run), 1, -1):
        tail = run[len(run) - size:]
        if _wrapped(tail):
            return run[: len(run) - size] + [_join(tail)], list(range(len(run) - size + 1))
    return run, list(range(len(run)))


def choose_stack(run: list[Line], known_columns: frozenset[str] = frozenset(), *, deck: bool = False) -> tuple[int, Headline]:
    """Return (index of the first headline line in run, the headline).

    deck: the run is the deck of a vertical page, whose lines are columns of
    one headline; type sizes told its 引题 and 副题 apart, and page text has
    lost them, so unless a line is marked (——, a heading) the deck is the title.
    """
    if deck and len(run) > 1 and all(line.kind not in (KICKER, SUBLINE, HEADING) for line in run):
        return 0, Headline(title=" ".join(line.text for line in run))
    joined, origin = _unwrap(run)
    first, headline = _choose(joined, known_columns)
    return origin[first], headline


def _choose(run: list[Line], known_columns: frozenset[str]) -> tuple[int, Headline]:
    if len(run) == 1 and run[0].text in COLUMN_LABELS:
        return 0, Headline(column=run[0].text)  # 简讯 over briefs that have no headlines of their own
    for stack in _STACKS:
        if len(stack) > len(run):
            continue
        lines = run[len(run) - len(stack):]
        if _fits(stack, lines, known_columns):
            return len(run) - len(stack), _build(stack, lines)
    # Not reached: (TITLE,) fits any line but a kicker, and a kicker alone is read as the title.
    return len(run) - 1, _build((TITLE,), run[-1:])


def _fits(stack: tuple[str, ...], lines: list[Line], known: frozenset[str]) -> bool:
    for i, (role, line) in enumerate(zip(stack, lines)):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if role == KICK and line.kind != KICKER and (looks_like_banner(line.text, known) or not _stacked_kicker(line, following)):
            return False  # a banner's phrases (抓落实·稳增长) head a column, they are no 引题
        if role != KICK and line.kind == KICKER and len(stack) > 1:
            return False
        if role in (COLUMN, TITLE) and line.kind == SUBLINE:
            return False
        if role == SUB and not _fits_subtitle(line, lines[i - 1]):
            return False
        if role == COLUMN and not _fits_column(line, following, known):
            return False
    return True


# The series tag closes the 主题: X交出答卷（权威发布）.
_TAG_RE = re.compile(r"[（(][^（）()]{2,16}[)）]$")


# 引题 conventions: it names who spoke or acted (X强调, X、Y印发通知,
# X会见……时强调) or the source (X网站), or sets the scene in clauses
# (多年坚守，扎根某地); 副题 conventions: it gives the figures or the document
# (N个X被评为A级, 公布《……》) or the agency behind the news. An event verb
# closing a line (某会议召开, 某平台上线) makes it the 主题 of an event report.
_KICKER_END_RE = re.compile(r"(?:强调|指出|表示|要求|通知|印发|提出|宣布|致信|致辞|讲话|寄语|网站|发文|批示|答记者问)$")
_KICKER_VERB_RE = re.compile(r"发布|印发|部署|召开|举行|出台|启动|会见|考察|主持")
_EVENT_END_RE = re.compile(r"(?:举行|召开|开幕|闭幕|揭牌|启动|上线|公布|发布|开通|落幕)$")
_DETAIL_RE = re.compile(r"\d|[《〈、]|[一二三四五六七八九十百千万]+[个项条家名所亿]")
_CLAUSE_RE = re.compile(r"[，,、；;]")
_CLAUSE_BREAK_RE = re.compile(r"[，,；;]")  # between clauses, not the 、 of a list
# A 主题 may ask or exclaim (还能骑吗？); a 副题 states.
_ASKS_RE = re.compile(r"[？?！!][”’」』)）]?$")
# A 主题 of two balanced phrases set apart by a space (对仗): 春风拂面 万物复苏.
MAX_PAIRED_PHRASE = 8
# Weights of the 引题 evidence; a line is the 引题 when the sum is not negative.
KICKER_END_WEIGHT = 2.0
KICKER_VERB_WEIGHT = 1.0
EVENT_END_WEIGHT = 1.0
LOWER_VERB_WEIGHT = 1.0
CLAUSES_WEIGHT = 1.0
PAIRED_TITLE_WEIGHT = 1.5
ASKING_TITLE_WEIGHT = 2.0
DETAIL_WEIGHT = 1.5


def _paired_phrases(text: str) -> bool:
    phrases = text.split()
    return len(phrases) == 2 and all(len(p) <= MAX_PAIRED_PHRASE for p in phrases)


def kicker_score(a: str, b: str) -> float:
    """Evidence that line a, set directly over line b, is b's 引题 (positive)
    rather than the 主题 over its 副题 (negative)."""
    score = 0.0
    if _KICKER_END_RE.search(a):
        score += KICKER_END_WEIGHT
    elif _KICKER_VERB_RE.search(a) and not _EVENT_END_RE.search(a):
        score += KICKER_VERB_WEIGHT
    if _EVENT_END_RE.search(a):
        score -= EVENT_END_WEIGHT
    if _KICKER_VERB_RE.search(b) and not _KICKER_VERB_RE.search(a):
        score -= LOWER_VERB_WEIGHT
    if _CLAUSE_RE.search(a) and not _CLAUSE_RE.search(b):
        score += CLAUSES_WEIGHT
    elif _CLAUSE_BREAK_RE.search(b) and not _CLAUSE_RE.search(a) and not _ASKS_RE.search(b):
        score -= CLAUSES_WEIGHT  # a 副题 goes on in clauses under a title of one
    if _paired_phrases(b) and " " not in a:
        score += PAIRED_TITLE_WEIGHT
    if _ASKS_RE.search(b):
        score += ASKING_TITLE_WEIGHT
    if _DETAIL_RE.search(b) and not _DETAIL_RE.search(a):
        score -= DETAIL_WEIGHT
    return score


def _stacked_kicker(line: Line, following: Line | None) -> bool:
    """A plain line set directly over the title (no blank line between): 引题 or,
    when the line under it reads as 副题, the title itself."""
    if (
        following is None
        or line.kind in (SUBLINE, HEADING)
        or following.kind in (SUBLINE, KICKER)
        or following.gap != 0
        or _TAG_RE.search(line.text)
    ):
        return False
    if _TAG_RE.search(following.text) or line.kind == KICKER:
        return True
    return kicker_score(line.text, following.text) >= 0


def _fits_subtitle(line: Line, title: Line) -> bool:
    if line.kind == SUBLINE:
        return True
    if line.kind == HEADING:
        # ## under # reads as a subtitle; two headings of one level are column + title.
        return title.kind == HEADING and line.level > title.level
    return True


def _fits_column(line: Line, following: Line, known: frozenset[str]) -> bool:
    if following.kind == KICKER:
        return True
    if line.kind == HEADING and following.kind == HEADING:
        return line.level == following.level
    return looks_like_banner(line.text, known)


def _build(stack: tuple[str, ...], lines: list[Line]) -> Headline:
    headline = Headline()
    for role, line in zip(stack, lines):
        text = line.text
        # The —— joining a 引题 to the title below, or a 副题 to the title
        # above, is typography, not part of either: readers' pages set them apart.
        if role == KICK:
            text = text.rstrip("—").strip()
        elif role == SUB:
            text = text.lstrip("—").strip()
        setattr(headline, role, text)
    if not headline.kicker and not headline.column:
        _split_joined_title(headline)
    return headline


def _split_joined_title(headline: Headline) -> None:
    title = headline.title
    if len(title) < MIN_JOINED_HEADLINE or " " not in title:
        return
    kicker, _, rest = title.rpartition(" ")
    if len(kicker.strip()) >= MIN_JOINED_KICKER and rest:
        headline.kicker, headline.title = kicker.strip(), rest.strip()
