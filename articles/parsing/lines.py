"""Split page text into lines and say what each line looks like.

Every later step works on these lines, and every line keeps its character
offsets into the page text so articles can point back at their source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import markers
from .bylines import parse_byline, split_photo_credit
from .records import BylineRecord

# Line kinds.
HEADING = "heading"  # markdown #..####
SHORT = "short"  # a short line that does not end a sentence: a title or subhead
KICKER = "kicker"  # ends with ——: 引题
SUBLINE = "subline"  # starts with ——: 副题
BYLINE = "byline"
DATELINE = "dateline"  # a paragraph opening with 本报…讯
JUMP = "jump"  # a paragraph opening with (上接第X版), the rest of a story from an earlier page
JUMP_TO = "jump_to"  # a jump line set on its own under the text: (下转第二版)
CAPTION = "caption"
FOOTER = "footer"
MARKED = "marked"  # a subhead set off by a mark: ●X，Y, ■X…, 一、…
CREDIT = "credit"  # a source credit closing an article: 据新华社, 综合多家媒体报道, （作者为…）
HEADER = "header"  # masthead / page header: date, 星期, 第X版, 版名, 责任编辑 (page metadata)
PARA = "para"

HEADLINE_KINDS = frozenset({HEADING, SHORT, KICKER, SUBLINE})

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
_CLOSERS = "”’」』)）》】\"'"
_SENTENCE_ENDS = "。！？!?…."
_OPEN_ENDS = "，,、：:；;（(“《—-"
# What closes a clause never opens a line of its own: such a line is the rest of a cut sentence.
_CLAUSE_CLOSERS = "，。、；：！？,.;:!?”’」』）)"

MAX_SHORT = 60  # longest title or subhead we accept
MAX_KICKER = 120  # kickers can run long: a whole clause with figures, ending ——
MAX_GAPPED_CAPTION = 40
MAX_DISPLAY_LINE = 30  # a headline line in display type; a longer short line is a piece of text
MAX_MARKED = 40  # a marked subhead: ● and a short phrase
MAX_LEAD_IN = 60  # a 都市报's lead-in between headline and byline: one short sentence
# Labels of the boxes papers set inside an article: subheads, never 副题 or titles.
BOX_LABELS = frozenset({"核心阅读", "阅读提示", "编者按", "编后", "编后语", "导读", "记者手记", "相关链接", "链接", "延伸阅读", "背景链接", "短评", "点评", "数说"})
# A source credit set on its own line closes an article (the convention of
# reprinted and signed pieces): 据新华社, 据某台新闻, 综合多家媒体报道,
# 综合某市发布、某报, （作者为某大学教授）, （作者单位：…）; the
# unsigned author of a 社论/评论员文章 under its title: 本报评论员, 新华社评论员. Not 据悉/据了解,
# which open sentences and carry a comma.
_OUTLET_END = r"(?:报道|消息|电|报|社|新闻|网|台|客户端|发布|微博|微信|公众号)"
# A name of two or three characters in a credit line, and one padded with
# spaces to the width of a three-character name (张  三).
_NAME = r"[\u4e00-\u9fff](?:[ \u3000\xa0]*[\u4e00-\u9fff]){1,2}"
_SPACED_NAME = r"(?:[\u4e00-\u9fff][ \u3000\xa0]+[\u4e00-\u9fff](?:[ \u3000\xa0]*[\u4e00-\u9fff])?|[\u4e00-\u9fff]{2}[ \u3000\xa0]+[\u4e00-\u9fff])"
_CREDIT_RE = re.compile(
    r"^(?:[（(]作者(?:为|系|单位|是)[^（）()]{1,40}[)）]"
    r"|[（(]?据(?!悉|了解|介绍|统计|称|报道)[^，,。！？、（）()\s]{1,12}" + _OUTLET_END + r"[)）]?"
    r"|[（(]?综合[^，,。！？（）()]{1,24}(?:报道|消息)[)）]?"
    r"|(?:本报|本刊|[\u4e00-\u9fff]{2,6}(?:报|社|台|网))(?:特约)?评论员"
    r"|[（(]?综合[^，,。！？（）()\s]{1,10}、[^，,。！？（）()]{1,24}" + _OUTLET_END + r"[)）]?"
    # Photo news and cartoons credit picture and words under them, the names
    # spaced out to a common width: 张  三图  李四文. The spacing inside a name
    # is what tells it from a headline of the same shape (一张图 看懂全文).
    r"|" + _SPACED_NAME + r"[ \u3000\xa0]*[图][ \u3000\xa0]+" + _NAME + r"[ \u3000\xa0]*文"
    r"|" + _NAME + r"[ \u3000\xa0]*[图][ \u3000\xa0]+" + _SPACED_NAME + r"[ \u3000\xa0]*文"
    # A serial's end mark closes its instalment as a credit closes a story: （完）, （第七回完）, （待续）.
    r"|[（(](?:第[^（）()]{1,4}[回囘章节])?(?:完|全文完|待续|未完|续完)[)）])$"
)
MAX_CREDIT = 40
# The credit may also run on at the end of the last paragraph, after its final
# sentence (……已全部完成。据某某日报): nothing but a credit follows a paragraph's
# last full stop, so 据 and a name there close the article.
_RUN_IN_CREDIT_RE = re.compile(r"[。！？!?][”’」』)）]?\s*[（(]?据[^\s，,。！？!?、：:；;（）()]{2,12}[)）]?$")
# Captions set without blank lines around them, by the conventions of their
# wording: they open with 图为 / 上图 / 图① (the photo's subject), or name the
# photo's source: 图据……, or a description closed by its credit
# (X飞过 X供图).
_CAPTION_OPEN_RE = re.compile(r"^(?:图为|[上下左右中]图(?:为|：|:)|图[①-⑩]|图据)")
# The credit may name the role and set the name apart: ……赏花 本报记者 张三 摄.
_CAPTION_CREDIT_RE = re.compile(r"^\S.{5,}?\s+(?:\S{2,12}\s+)?\S{2,12}\s?(?:供图|摄)$")
# The photographer may be credited in brackets after the subject, as the old
# pages print it: ◘某某三姊妹（某某攝）; a short line so closed names a picture.
_BRACKETED_PHOTO_CREDIT_RE = re.compile(r"[（(][\u4e00-\u9fff·]{1,8}(?:摄影|摄)[)）]$")
MAX_NAMED_PICTURE = 30
# ▲ / △ point at the photograph: the line they open is its caption.
_PHOTO_POINTER_RE = re.compile(r"^[▲△]")
MAX_CAPTION = 120


def _closed_by_photo_credit(text: str) -> bool:
    """图为……。王五摄: the caption's sentence, then the photographer's credit."""
    return split_photo_credit(text)[1] is not None


def is_pointer_item(text: str) -> bool:
    return bool(_PHOTO_POINTER_RE.match(text))
_MARK_RE = re.compile(r"^[●■◆▲◇○▶►☆★]")  # a short sentence set apart by blank lines is a caption


@dataclass
class Line:
    start: int  # offset of the text in the page
    end: int
    text: str  # stripped, without markdown heading marks
    gap: int  # blank lines before this line
    kind: str = PARA
    level: int = 0  # markdown heading level
    people: list[BylineRecord] | None = None  # for BYLINE
    # The line as the page printed it, where the parser reads a folded copy
    # (folding.py); None when the page is the copy. For the few rules whose
    # meaning is the character itself (云 "it is said", not 雲 "cloud").
    printed: str | None = None

    @property
    def as_printed(self) -> str:
        return self.text if self.printed is None else self.printed


def ends_sentence(text: str) -> bool:
    core = text.rstrip().rstrip(_CLOSERS)
    return bool(core) and core[-1] in _SENTENCE_ENDS


# A news lead opens with its time and a comma (3月4日，… / 近日，… / 当地时间3日晚，…);
# a headline states the news without that frame, so such a line is a paragraph
# (or the first piece of one, cut at a column end), never a headline or subhead.
_LEAD_TIME_RE = re.compile(
    r"^(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日|\d{4}年(?:\d{1,2}月)?|近日|日前|昨天|昨日|今天|今日|当地时间[^，,。]{0,10}"
    # a span reckoned back from the news: 三年前，… / 近年来，… / 去年，…
    r"|(?:[一二三四五六七八九十两几数\d]+(?:年|个月|天)(?:前|来)|近年来?|近些年|多年来|今年|去年|前不久|不久前))[^，,。]{0,4}[，,]"
)


def lead_time(text: str) -> bool:
    """The line opens with a news lead's time frame: 3月4日，…, 2019年4月，…, 近日，…, 三年前，…."""
    return bool(_LEAD_TIME_RE.match(text))


# A figure's caption set apart is one short statement (某区中央商务区。,
# 某区评选某某之家发挥示范作用。); a line of clauses (目前，……。) is a short
# paragraph that PDF text set apart with an extra blank line.
_GAPPED_TEXT_RE = re.compile(r"[，,；;：:？?]")


def _cut_above(above: Line | None) -> bool:
    """The line above is a paragraph's first piece, cut mid-sentence at a column
    end: a line closing a sentence under it is the rest of that paragraph,
    however many blank lines PDF text put between, not a figure's caption."""
    return above is not None and above.kind == PARA and not ends_sentence(above.text) and not above.text.endswith(("：", ":"))


def _under_headline(above: Line | None) -> bool:
    """A sentence set apart by two blank lines right under a headline opens the
    text (a lead set off by PDF spacing), it is no caption."""
    if above is None:
        return True
    return above.kind in HEADLINE_KINDS and len(above.text) <= MAX_DISPLAY_LINE


def ends_with_credit(text: str) -> bool:
    """A paragraph closed by its article's source credit run into it."""
    return bool(_RUN_IN_CREDIT_RE.search(text))


# A reprinted piece (a speech, an article from another paper or a book) ends
# with where it was taken from, in brackets on a line of its own: （摘自某日在
# 某会上的讲话）, （原载某报）, （选自某书）. It is printed as the piece's last
# line, so it stays in the text (a paragraph, however short), but nothing of
# the piece follows it. So does the note closing the last piece of a series
# of commentaries or reports: （本系列某某到此结束）, （本组某某完）.
_SOURCE_NOTE_RE = re.compile(
    r"^[（(](?:(?:摘自|节选自|选自|摘编自|原载|原载于|转载自|转自|来源[:：]|本文(?:摘自|原载|来源|选自))[^（）()]{2,60}"
    r"|本(?:系列|组)[^（）()]{0,12}(?:结束|完))[)）]$"
)


def is_source_note(text: str) -> bool:
    """The bracketed note closing a piece: where a reprint was taken from, the end of a series."""
    return bool(_SOURCE_NOTE_RE.match(text))


def is_short(text: str) -> bool:
    return (
        0 < len(text) <= MAX_SHORT
        and not ends_sentence(text)
        and "。" not in text
        and text[-1] not in _OPEN_ENDS
    )


def split_lines(text: str, *, printed: str | None = None) -> list[Line]:
    """printed: the page as printed, when text is its folded copy (the same offsets)."""
    lines: list[Line] = []
    offset = 0
    blanks = 0
    for raw in text.split("\n"):
        stripped = raw.strip().replace("\u3000", " ")
        if not stripped:
            blanks += 1
            offset += len(raw) + 1
            continue
        lead = len(raw) - len(raw.lstrip())
        start = offset + lead
        end = start + len(raw.strip())
        line = Line(start=start, end=end, text=stripped, gap=blanks, printed=None if printed is None else printed[start:end])
        lines.append(classify(line, lines[-1] if lines else None))
        blanks = 0
        offset += len(raw) + 1
    return lines


def classify(line: Line, above: Line | None = None) -> Line:
    text = line.text
    heading = _HEADING_RE.match(text)
    if heading:
        line.level = len(heading.group(1))
        line.text = heading.group(2).strip()
        line.kind = KICKER if line.text.endswith("——") else HEADING
        return line
    if markers.ornamented(text):
        line.kind = SHORT  # display type between ornaments; segment tells headline from caption
    elif markers.is_footer(text):
        line.kind = FOOTER
    elif len(text) <= MAX_CREDIT and _CREDIT_RE.match(text):
        line.kind = CREDIT
    elif _PHOTO_POINTER_RE.match(text) and len(text) <= MAX_CAPTION:
        line.kind = CAPTION
    elif text.startswith("■") and (ends_sentence(text) or "图为" in text):
        line.kind = CAPTION  # ■图为施工现场。: a caption
        line.text = text.lstrip("■").strip()
    elif len(text) <= MAX_CAPTION and (
        (_CAPTION_OPEN_RE.match(text) and (ends_sentence(text) or text.startswith("图据") or _closed_by_photo_credit(text)))
        or (text.endswith(("供图", "摄")) and _CAPTION_CREDIT_RE.match(text) and parse_byline(text) is None)
        or (len(text) <= MAX_NAMED_PICTURE and _BRACKETED_PHOTO_CREDIT_RE.search(text) and not ends_sentence(text))
    ):
        line.kind = CAPTION
    elif text in BOX_LABELS or (
        _MARK_RE.match(text) and len(text) <= MAX_MARKED and not ends_sentence(text) and parse_byline(text) is None
    ):
        line.kind = MARKED
    elif (people := parse_byline(text)) is not None:
        line.kind = BYLINE
        line.people = people
    elif markers.split_dateline(text)[0]:
        line.kind = DATELINE
    elif markers.split_jump_from(text)[0]:
        line.kind = JUMP
    elif markers.is_jump_to_line(text):
        line.kind = JUMP_TO
    elif text.endswith("——") and len(text) <= MAX_KICKER:
        line.kind = KICKER
    elif text.startswith("——") and len(text) <= MAX_SHORT:
        line.kind = SUBLINE
    elif (
        line.gap >= 2
        and len(text) <= MAX_GAPPED_CAPTION
        and ends_sentence(text)
        and text[0] not in _CLAUSE_CLOSERS
        and not _under_headline(above)
        and not _cut_above(above)
        and not _GAPPED_TEXT_RE.search(text)
    ):
        line.kind = CAPTION
    elif is_short(text) and not lead_time(text) and not opens_brief(text) and not is_source_note(text):
        line.kind = SHORT  # a source note is the text's last line, never display type
    return line


# Papers of the 1920s–40s run short items one after another, each opened by a
# mark (◘) and printed without a headline: a mark before a sentence opens a
# brief; a mark before a short phrase is a headline (◘答某君).
_BRIEF_MARK_RE = re.compile(r"^◘")
_CLAUSE_MARK_RE = re.compile(r"[，,、；;。]")
MIN_BRIEF = 20


def opens_brief(text: str) -> bool:
    return bool(_BRIEF_MARK_RE.match(text)) and len(text) >= MIN_BRIEF and bool(_CLAUSE_MARK_RE.search(text))
