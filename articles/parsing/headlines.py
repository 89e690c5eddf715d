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
# A column banner is a slogan of short phrases: 强信心·稳经济·促发展, 学思想 强党性 重实践 建新功.
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


def looks_like_banner(text: str, known_columns: frozenset[str] = frozenset()) -> bool:
    if text in known_columns:
        return True
    phrases = [p for p in _BANNER_SPLIT_RE.split(text) if p]
    return len(phrases) >= 2 and all(len(p) <= MAX_BANNER_PHRASE for p in phrases)


def choose_stack(run: list[Line], known_columns: frozenset[str] = frozenset()) -> tuple[int, Headline]:
    """Return (index of the first headline line in run, the headline)."""
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
        if role == KICK and line.kind != KICKER and not _stacked_kicker(line, following):
            return False
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
# X会见……时强调) or the source (X网站); 副题 conventions: it
# gives the figures or the document (N个X被评为A级, 公布《……》).
_KICKER_END_RE = re.compile(r"(?:强调|指出|表示|要求|通知|印发|提出|宣布|致信|致辞|讲话|寄语|网站|发文|批示|答记者问)$")
_KICKER_VERB_RE = re.compile(r"发布|印发|部署|召开|举行|出台|启动|会见|考察|主持")
_DETAIL_RE = re.compile(r"\d|[《〈、]|[一二三四五六七八九十百千万]+[个项条家名所亿]")


def _stacked_kicker(line: Line, following: Line | None) -> bool:
    """A plain line set directly over the title (no blank line between): 引题 or,
    when the line under it reads as 副题, the title itself. Ties go to 引题, as
    a 副题 is most often printed with its leading ——."""
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
    a, b = line.text, following.text
    score = 0.0
    if _KICKER_END_RE.search(a):
        score += 2
    elif _KICKER_VERB_RE.search(a):
        score += 1
    score += (len(a) < len(b)) - (len(a) > len(b))
    if _DETAIL_RE.search(b) and not _DETAIL_RE.search(a):
        score -= 1.5
    return score >= 0


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
