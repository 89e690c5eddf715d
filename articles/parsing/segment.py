"""Cut a page's lines into article chunks: a headline and the lines under it.

An article starts at a run of headline lines that is followed by a byline,
a dateline or a jump line, that holds a kicker, a subtitle or a top-level
heading, that opens the page, or that follows a story closed by its credit,
its byline or a jump to another page. Other short lines are subheads and stay
in the body, unless the story is a dated report (set without subheads) or the
line has no sibling (subheads come in sets). Photo news printed under another
story, with its own byline at the end, is split off as an article without a
headline. A lone heading of a notice (开奖公告, 启事) or of the paper's own box
(address, price, printer) heads an item of its own, text or none under it; so
does a short line over a reader's signature (寄语人：张三). A headline is set
solid: lines set solid over its first line, in a block apart from the text
above, are its 引题, never a piece of their own or the story above's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import ends_sentence, ends_with_credit, is_pointer_item, is_source_note, lead_time, opens_brief
from .bylines import names_only, split_leading_byline
from .headlines import Headline, choose_stack
from .markers import ornamented, split_dateline, trailing_dateline
from .records import BylineRecord
from .lines import MAX_DISPLAY_LINE, MAX_LEAD_IN, BYLINE, CAPTION, CREDIT, DATELINE, PARA, FOOTER, HEADER, HEADING, HEADLINE_KINDS, JUMP, JUMP_TO, KICKER, MARKED, SHORT, SUBLINE, Line

MAX_HEADLINE_LINES = 4
_COMMENTATOR_RE = re.compile(r"评论员$")
_COMMA_RE = re.compile(r"[，,]")
# A figure sits apart from the text around it, behind two or more blank lines.
FIGURE_GAP = 2


@dataclass
class Chunk:
    headline: Headline | None
    headline_lines: list[Line] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    @property
    def all_lines(self) -> list[Line]:
        return self.headline_lines + self.lines


def segment(lines: list[Line], known_columns: frozenset[str] = frozenset(), *, vertical: bool = False) -> list[Chunk]:
    """vertical: the page was set in vertical columns (a historical page in
    traditional characters), where a headline is a deck of several columns."""
    lines = [line for line in lines if line.kind not in (FOOTER, HEADER)]
    _mark_asking_headlines(lines)
    _mark_name_bylines(lines)
    _mark_signed_openings(lines)
    if vertical:
        _items_not_captions(lines)
        _deck_brackets(lines)
        _punctuated_is_text(lines)
    chunks: list[Chunk] = []
    current = Chunk(headline=None)
    i = 0
    while i < len(lines):
        if lines[i].kind == SHORT and (_names_sitter(current, lines[i]) or _dropped_into_sentence(current, lines, i)):
            lines[i].kind = CAPTION
        if lines[i].kind not in HEADLINE_KINDS:
            # The brief's mark opens it wherever PDF text lost the blank line before it.
            if _has_body(current) and (
                (lines[i].kind == DATELINE and lines[i].gap >= 1 and not _further_dispatch(current, lines[i])
                 and not _closing_dateline(lines, i) and not _one_of_several(current, lines[i]))
                or opens_brief(lines[i].text)
            ):
                # A dateline opens an article, never a paragraph inside one: the
                # brief printed without a headline (本報訊　本市商會昨日……).
                chunks.append(current)
                current = Chunk(headline=None)
            current.lines.append(lines[i])
            i += 1
            continue
        j = i
        while True:
            while j < len(lines) and lines[j].kind in HEADLINE_KINDS:
                j += 1
            extended = _extend_run(lines, i, j)
            if extended == j:
                break
            j = extended
        # A run ends above a paragraph's first piece that PDF text set directly
        # under a heading: a line cut mid-sentence belongs to the text below.
        # A dateline or byline continues no sentence: the line above it is the
        # headline's; nor does a paragraph set apart by a blank line on a vertical
        # page, whose decks are short columns that often end on 地 or 等; nor
        # is a deck's column of brackets alone (（（), which opens no sentence.
        while (
            j - i > 1 and j < len(lines) and lines[j].kind == PARA and not (vertical and lines[j].gap)
            and lines[j - 1].kind == SHORT and not _BRACKETS_ONLY_RE.match(lines[j - 1].text)
            and (
                broken(lines[j - 1].text, lines[j].text) or _long_piece(lines[j - 1], lines[j], lines[j - 2])
                or _runs_past_sentence(lines[j - 1].text, lines[j].text)
            )
        ):
            j -= 1
            lines[j].kind = PARA  # the piece is text: photo news under the heading counts it
        # A vertical page's deck is of short columns: a long line set apart under
        # it is the first piece of a paragraph that a column end cut.
        if vertical and j - i > 1 and lines[j - 1].gap and len(lines[j - 1].text) > MAX_DISPLAY_LINE:
            j -= 1
        j = _after_dash_subtitle(lines, i, j)
        j = _cut_at_notice(lines, i, j, current)
        run = lines[i:j]
        following = lines[j] if j < len(lines) else None
        if _speaker_subhead(current, run, following):
            # the speaker is the subhead; the words run into the section's text
            run[0].kind, run[1].kind = MARKED, PARA
            current.lines.extend(run)
        elif (
            _starts_article(
                run, following, at_page_start=not chunks and not current.lines, vertical=vertical,
                lost_blank=not vertical and _subhead_lost_blank(current, run, following, lines, j),
            )
            or (len(run) == 1 and _notice_heading(lines, i, current))
            or _closes_previous(current, run)
            or _over_lead_and_byline(run, lines, j)
            or (vertical and _heads_next_story(current, run, following))
            or (_photo_news_ahead(lines, j) and not _fragment_alone(run, following))
        ):
            tail = _deck(run) if vertical else run[-MAX_HEADLINE_LINES:]
            first, headline = choose_stack(tail, known_columns, deck=vertical)
            cut = len(run) - len(tail) + first
            current.lines.extend(run[:cut])
            top = [] if vertical else _solid_top(current.lines, run[cut], at_page_start=not chunks)
            if top:
                del current.lines[-len(top):]
                headline.kicker = "".join(line.text for line in top) + headline.kicker
            chunks.append(current)
            current = Chunk(headline=headline, headline_lines=top + run[cut:])
            if _summary_under_tagged_title(current):
                summary = current.headline_lines.pop()
                summary.kind = PARA
                current.headline = choose_stack(current.headline_lines, known_columns, deck=vertical)[1]
                current.lines.append(summary)
        else:
            current.lines.extend(run)
        i = j
    chunks.append(current)
    chunks = [c for c in chunks if c.headline_lines or c.lines]
    chunks = [piece for chunk in chunks for piece in _split_at_lone_headlines(chunk)]
    chunks = [piece for chunk in chunks for piece in _split_photo_news(chunk)]
    chunks = [piece for chunk in chunks for piece in _split_briefs(chunk)]
    if vertical:
        chunks = [piece for chunk in chunks for piece in _split_items(chunk)]
        for chunk in chunks:
            _mark_column_subheads(chunk)
    return chunks


# A vertical page sets a headline as a deck of columns side by side: the 主题
# and its 副题 lines, each a column of a few characters, which text from the
# page (OCR, an archive's database) gives as short lines one under the other.
MAX_DECK_LINES = 12  # a serial's deck: name, instalment, author, 禁止转载, chapter and its couplet


def _deck(run: list[Line]) -> list[Line]:
    """The run's last lines set directly under each other (no blank line): one deck."""
    k = len(run) - 1
    while k > 0 and run[k].gap == 0 and len(run) - k < MAX_DECK_LINES:
        k -= 1
    return run[k:]


# Subheads are often two parallel phrases (对仗) joined by a comma: X，Y,
# 政策靠前发力，企业信心回升. A paragraph broken at a column end has
# commas too, but not two balanced phrases: 《意见》提出,推动区域协调发展,加快,
# 在X上,某区将X某校 (an opening adverbial, then a clause cut off).
MIN_PAIRED_PHRASE = 4
MAX_PAIR_RATIO = 1.5
# A sentence adverbial opens a sentence, not a subhead phrase: 在调研工作中，…,
# 在某某方面，…;
# a line ending on a preposition or particle was cut off mid-sentence: …坚持以.
_ADVERBIAL_RE = re.compile(r"^(?:在|从|对|随着|通过|按照|根据|为了|自).{1,8}(?:中|上|下|后|里|时|前|以来|方面)$")
# Nor does a paragraph open with a particle or a counted unit: 年的两倍。 continues 达到了2022.
# Common words that open sentences with those characters are no particles: 过去, 着力, 地方, 得益于, 之后, 了解.
_CONTINUES_RE = re.compile(
    r"^(?:(?!过去|过程|着力|着眼|着重|地方|地区|得益|得到|之后|之前|之所以|之一|了解)[的了们着过地得之]|[年月日万亿元个岁][的，,。、])"
)
# Sentence adverbs open paragraphs, not headings: 目前……, 此外……, 据了解…….
_OPENER_RE = re.compile(r"^(?:目前|此外|另外|同时|随后|此前|据悉|据了解|据介绍|记者了解到|记者注意到)")
# A line never opens with the punctuation that closes a clause: its text began on the line above.
_PUNCT_START_RE = re.compile(r"^[，。、；：！？,.;:!?”’」』）)]")
_CUT_END_RE = re.compile(r"[以的和与在对把将被为向从及等了着地得之其而且或并]$")
# Of those, the ones no sentence ends on (了, 着, 得 may close a headline: 春天来了).
# 和 closes words too (缓和, 温和, 共和): those are no conjunction left hanging.
_OPEN_END_RE = re.compile(r"(?:[以的与在对把将被为向从及等地之其而且或并]|(?<![缓温平柔调共总附应谦祥])和)$")


def paired(text: str) -> bool:
    return len(text) <= MAX_CLAUSE_HEADING and balanced(text)


# A sentence's end with words after it (……？某某): the line runs on into a
# further sentence.
_INNER_SENTENCE_RE = re.compile(r"[。！？!?][”’」』）)]?[^。！？!?”’」』）)]")


def balanced(text: str) -> bool:
    """Two balanced phrases, however long: a 副题 may run longer than a subhead.
    A phrase is no sentence and the start of another (某某，某某？某某): that is
    text, its clauses cut at a column end."""
    phrases = _COMMA_RE.split(text)
    if len(phrases) != 2:
        return False
    if _ADVERBIAL_RE.match(phrases[0]) or _CUT_END_RE.search(text) or _INNER_SENTENCE_RE.search(text):
        return False
    short, long = sorted(len(p) for p in phrases)
    return short >= MIN_PAIRED_PHRASE and long <= MAX_PAIR_RATIO * short


# Longer subheads state a point in two or three full clauses
# (坚持某某方向，如果某某不变，某某也难实现): each clause a phrase of its own,
# the whole no longer than a line. A column-end piece ends on a stub or runs on.
MIN_CLAUSE = 6
MAX_CLAUSES = 3
MAX_CLAUSE_HEADING = 30


def clauses(text: str) -> bool:
    phrases = _COMMA_RE.split(text)
    return (
        2 <= len(phrases) <= MAX_CLAUSES
        and len(text) <= MAX_CLAUSE_HEADING
        and all(len(p) >= MIN_CLAUSE for p in phrases)
        and not _ADVERBIAL_RE.match(phrases[0])
        and not _CUT_END_RE.search(text)
        and not _INNER_SENTENCE_RE.search(text)
        and not lead_time(text)
    )


_LATIN_END_RE = re.compile(r"[A-Za-z0-9]$")
# One character after the last comma is a word cut off at a column end: ……产业体系、最
_DANGLING_RE = re.compile(r"[，,、][^，,、]$")


# Reported speech opens with who says it and a verb of saying before a comma
# (某某表示，……; 在某某看来，……): a sentence of text; a heading quotes with a
# colon (某某：……). 说 and 称 also close nouns and set phrases that a heading
# may open with (小说，简称，堪称，): those say nothing.
_SAYS_RE = re.compile(
    r"^[^，,。：:]{2,20}(?:表示|指出|认为|介绍|强调|透露|坦言|看来"
    r"|(?<![小传学演解])说|(?<![简堪号著俗统别昵职名])称)[，,]"
)


# A headline that asks or exclaims inside a line closes each of its sentences
# (某某多久？某某在哪里？). Text runs on past a sentence's end into the next
# one, and a column end cuts it mid-word: the line below opens with the word's
# last character and a pause (……某某技 / 术，……). An item's number or letter
# with its pause (一、 甲、) opens a line of its own, and so does a pronoun (她，一个……).
_WORD_TAIL_RE = re.compile(r"^(?![一二三四五六七八九十〇零甲乙丙丁他她它我你谁])[\u4e00-\u9fff][，,、]")


def _runs_past_sentence(text: str, following: str) -> bool:
    return bool(_INNER_SENTENCE_RE.search(text) and _WORD_TAIL_RE.match(following))


def cut_off(text: str, following: str) -> bool:
    """A line broken off a paragraph at a column end rather than a heading:
    commas without two balanced phrases, a preposition or particle at its end,
    a Latin word or number running on, one character after its last comma,
    a quote or bracket left open, a sentence adverb opening it (目前……), a
    reported speech left unfinished (某某表示，……), or a next line that
    continues it (a particle or punctuation first)."""
    if _COMMA_RE.search(text) and not (paired(text) or clauses(text)):
        return True
    if _SAYS_RE.match(text) and not ends_sentence(text):
        return True
    return bool(_CUT_END_RE.search(text)) or broken(text, following)


def broken(text: str, following: str) -> bool:
    """The hard signs of a line cut mid-sentence, whatever its commas: it ends on
    a particle, a running Latin word or a stub, leaves a quote open, or the next
    line continues it."""
    return bool(
        _OPEN_END_RE.search(text)
        or _LATIN_END_RE.search(text)
        or _DANGLING_RE.search(text)
        or _CONTINUES_RE.match(following)
        or _PUNCT_START_RE.match(following)
        or _OPENER_RE.match(text)
        or _left_open(text)
    )


_PAIRS = (("“", "”"), ("（", "）"), ("(", ")"), ("《", "》"), ("「", "」"))


def _left_open(text: str) -> bool:
    """A quote or bracket opened and not closed: a heading closes what it opens."""
    return any(text.count(a) > text.count(b) for a, b in _PAIRS)


MAX_LONE_HEADLINE = MAX_DISPLAY_LINE  # one line of display type; a longer one is a piece of text
MIN_LONE_HEADLINE = 4  # 据悉, 对此: words broken off a paragraph, not a story's headline
# A story has a lead and more: under a single lone line, fewer paragraphs on
# either side make one story's short section, not two stories.
MIN_STORY_PARAGRAPHS = 2


def _paragraphs(lines: list[Line]) -> int:
    return sum(1 for line in lines if line.kind in (PARA, DATELINE, JUMP))


def _standalone_lines(chunk: Chunk) -> list[int]:
    """Indexes in chunk.lines of unmarked short lines set alone between two
    paragraphs, the one above closing a sentence: a subhead or a headline."""
    body = chunk.lines
    found = []
    for k in range(1, len(body) - 1):
        line, above, below = body[k], body[k - 1], body[k + 1]
        if (
            line.kind == SHORT
            and line.gap + below.gap >= 1  # one blank line may be lost in PDF text, not both
            and len(line.text) <= MAX_LONE_HEADLINE
            and above.kind in (PARA, DATELINE, JUMP)
            and ends_sentence(above.text)
            and (below.kind in (PARA, DATELINE) or _fragment(body, k + 1))
            and not cut_off(line.text, below.text)
        ):
            found.append(k)
    return found


def _fragment(body: list[Line], k: int) -> bool:
    """A short line that is the first piece of a paragraph broken at a column
    end (PDF text), the rest following under it."""
    line = body[k]
    rest = body[k + 1] if k + 1 < len(body) else None
    return line.kind == SHORT and rest is not None and rest.kind == PARA and cut_off(line.text, rest.text)


def _subhead_like(chunk: Chunk) -> int:
    """How many lines of the chunk's body may be subheads: marked ones (●…, 一、…,
    a heading) and short lines set apart after a closed sentence, whatever follows."""
    body = chunk.lines
    count = 0
    for k, line in enumerate(body):
        if line.kind == HEADING or (line.kind in (SHORT, MARKED) and is_marked_subhead(line)):
            count += 1
        elif (
            line.kind == SHORT
            and 0 < k < len(body) - 1
            and line.gap + body[k + 1].gap >= 1
            and body[k - 1].kind in (PARA, DATELINE, JUMP, CAPTION)
            and ends_sentence(body[k - 1].text)
            and not cut_off(line.text, body[k + 1].text)
        ):
            count += 1
    return count


# A paragraph broken off at a column end (PDF text) can also stand alone between
# paragraphs; it runs the full measure of the column, longer than a one-line
# headline set in display type.
MAX_UNPAIRED_HEADLINE = 24


# A news lead says when in its first words: 4月2日，… / 某国议会3日举行… / 近日，…
_NEWS_LEAD_RE = re.compile(r"^[^。！？!?]{0,20}?(?:\d{1,2}月\d{1,2}日|\d{1,2}日|近日|日前|当地时间)")
# An item's headline states the news (某人当选某职); a subhead names a theme (老街焕新).
MIN_ITEM_HEADLINE = 7  # longer than the four-character phrases (四字格) subheads favour
MAX_ITEM_PARAGRAPHS = 6  # an item of a round-up runs a few paragraphs, a feature's section more


def _news_lead(text: str) -> bool:
    return bool(_NEWS_LEAD_RE.match(text))


def _split_at_lone_headlines(chunk: Chunk) -> list[Chunk]:
    """Tell a headline standing alone between paragraphs from a subhead by two
    conventions of layout: a dated news report (消息, opening with 本报北京3月4日电)
    is set without subheads, and the subheads of one story are parallel in form
    (对仗), so after two or more paired subheads (政策靠前发力，企业信心回升)
    a line that is not paired is no sibling of theirs but the next story's headline."""
    candidates = _standalone_lines(chunk)
    if not candidates:
        return [chunk]
    k = candidates[0]
    if (
        len(candidates) == 1
        and len(chunk.lines[k].text) >= MIN_LONE_HEADLINE
        and _paragraphs(chunk.lines[:k]) >= MIN_STORY_PARAGRAPHS
        and _paragraphs(chunk.lines[k + 1:]) >= MIN_STORY_PARAGRAPHS
        and _subhead_like(chunk) == 1
        and not clauses(chunk.lines[k].text)
    ):
        # Subheads come in sets spaced through a story; a line standing alone
        # between two stretches of text, with no sibling anywhere, heads the next
        # story, unless it states a point in clauses, as subheads do (its siblings
        # lost among column-end pieces of PDF text).
        return [
            Chunk(headline=chunk.headline, headline_lines=chunk.headline_lines, lines=chunk.lines[:k]),
            Chunk(headline=Headline(title=chunk.lines[k].text), headline_lines=[chunk.lines[k]], lines=chunk.lines[k + 1:]),
        ]
    pieces: list[Chunk] = []
    start = 0
    headline, headline_lines = chunk.headline, chunk.headline_lines
    siblings: list[str] = []
    # A report may carry subheads after all when they come as a set of paired
    # phrases (绿地增加，空气清新 / 管网更新，告别漏水): parallel lines are siblings.
    subhead_set = len(candidates) >= 2 and all(paired(chunk.lines[k].text) or clauses(chunk.lines[k].text) for k in candidates)
    roundup = _news_lead(chunk.lines[0].text) and not subhead_set
    previous = 0  # where the text above this candidate begins: under the candidate before
    for k in candidates:
        text = chunk.lines[k].text
        # A headline stands apart from the text above it: a short line set
        # solid under a paragraph of the report is the first piece of the next
        # paragraph, cut at a column end, whose blank line above PDF text lost.
        dated = chunk.lines[start].kind == DATELINE and not subhead_set and chunk.lines[k].gap >= 1
        unpaired = len(text) <= MAX_UNPAIRED_HEADLINE and len(siblings) >= 2 and all(_COMMA_RE.search(t) for t in siblings) and not _COMMA_RE.search(text)
        # A round-up of short news (国际简讯) heads each item with a headline of
        # its own, and each item opens with its own news lead: when, and who.
        item = (
            roundup
            and len(text) >= MIN_ITEM_HEADLINE
            and _paragraphs(chunk.lines[previous:k]) <= MAX_ITEM_PARAGRAPHS
            and _news_lead(chunk.lines[k + 1].text)
        )
        previous = k + 1
        if not (dated or unpaired or item):
            siblings.append(text)
            continue
        pieces.append(Chunk(headline=headline, headline_lines=headline_lines, lines=chunk.lines[start:k]))
        headline, headline_lines = Headline(title=text), [chunk.lines[k]]
        start = k + 1
        siblings = []
    pieces.append(Chunk(headline=headline, headline_lines=headline_lines, lines=chunk.lines[start:]))
    return pieces


MAX_QUESTION_TITLE = 40  # 旧充电宝还能用吗？
MAX_LONG_SUBTITLE = 120
MAX_SUMMARY = 200
_QUESTION_END_RE = re.compile(r"[？?！!][”’」』)）]?$")


# An interview (专访) is printed as questions and answers, each paragraph
# opening with who speaks: 问：……？ / 答：……. A question so marked is the
# interview's text, never a headline, whatever line stands solid above it.
_INTERVIEW_RE = re.compile(r"^[问答][:：]")


def _extend_run(lines: list[Line], i: int, j: int) -> int:
    """Take into a headline run the lines that a headline stack may end with but
    that do not read as short lines: a title in question or exclamation form set
    directly under the line above it, and a long 副题 that runs to a dateline or
    byline without closing a sentence (审议通过《……》，……)."""
    if j >= len(lines) or lines[j].kind != PARA:
        return j
    line = lines[j]
    after = lines[j + 1] if j + 1 < len(lines) else None
    if (
        line.gap == 0 and len(line.text) <= MAX_QUESTION_TITLE and _QUESTION_END_RE.search(line.text) and "。" not in line.text
        and not _INTERVIEW_RE.match(line.text)
    ):
        line.kind = SHORT
        return j + 1
    # A byline under the text closes it: a 副题 stands over a byline that opens a body.
    body_after = j + 2 < len(lines) and lines[j + 2].kind in (PARA, DATELINE, JUMP)
    if (
        j - i >= 1 or lines[i].kind == SHORT
    ) and after is not None and (after.kind == DATELINE or (after.kind == BYLINE and body_after)) and len(line.text) <= MAX_LONG_SUBTITLE and not ends_sentence(line.text) and "。" not in line.text:
        line.kind = SUBLINE
        return j + 1
    # The dateline opens the text: a summary (提要) set directly under the
    # headline and over the dateline is the headline's 副题, full sentences and all.
    if line.gap == 0 and lines[j - 1].kind == SHORT and after is not None and after.kind == DATELINE and len(line.text) <= MAX_SUMMARY:
        line.kind = SUBLINE
        return j + 1
    return j


def _mark_asking_headlines(lines: list[Line]) -> None:
    """A headline may ask or exclaim (旧手机还能用吗？, 春天来了！): a short line
    of one such sentence over the byline or dateline that opens a body is a
    headline, not a paragraph. A byline under a story's last sentence closes
    that story: no body follows it. So does a writer's signature printed after
    his text: such a sentence set under it, over text, heads the next piece."""
    for k in range(len(lines) - 2):
        line, below, after = lines[k], lines[k + 1], lines[k + 2]
        signed_above = k > 1 and lines[k - 1].kind == BYLINE and lines[k - 2].kind == PARA and below.kind == PARA
        if (
            line.kind == PARA
            and len(line.text) <= MAX_QUESTION_TITLE
            and _QUESTION_END_RE.search(line.text)
            and not _INNER_END_RE.search(line.text[:-1].rstrip("”’」』)）"))
            and (below.kind == DATELINE or (below.kind == BYLINE and after.kind in (PARA, DATELINE)) or signed_above)
        ):
            line.kind = SHORT


_INNER_END_RE = re.compile(r"[。！？!?]")


# Readers' letters and memoirs open with who sends or tells them, a label and
# a name (寄语人：张三, 讲述人：李四, 作者：王五), set under each piece's own
# title: the first line of its text, and the sign that a new piece begins.
# The labels of who sends (寄…人) or tells, never a speaker's (发言人, 主持人),
# whom a news story quotes under its subheads.
_SIGNED_RE = re.compile(r"^(?:寄[\u4e00-\u9fff]人|讲述人|口述人|来信人|执笔人|作者|口述|讲述|撰文)[:：]\s*[\u4e00-\u9fff]{2,4}$")


def _mark_signed_openings(lines: list[Line]) -> None:
    for k in range(1, len(lines) - 1):
        line, above, below = lines[k], lines[k - 1], lines[k + 1]
        if line.kind == SHORT and above.kind == SHORT and below.kind == PARA and _SIGNED_RE.match(line.text):
            line.kind = PARA


def _signed_opening(line: Line | None) -> bool:
    return line is not None and line.kind == PARA and bool(_SIGNED_RE.match(line.text))


def _mark_name_bylines(lines: list[Line]) -> None:
    """Names alone on a line set directly under the headline, the body after a
    blank line, are the paper's own reporters (some papers print no 记者)."""
    for k in range(1, len(lines) - 1):
        line, above, below = lines[k], lines[k - 1], lines[k + 1]
        if (
            line.kind == SHORT
            and line.gap == 0
            and above.kind in (SHORT, HEADING, SUBLINE)
            and below.gap >= 1
            and below.kind in (PARA, DATELINE)
            and (names := names_only(line.text))
        ):
            line.kind = BYLINE
            line.people = [BylineRecord(name=n, role="记者") for n in names]


def _items_not_captions(lines: list[Line]) -> None:
    """On a vertical page ▲ opens an item of a column's run of news (▲某大使定于
    后日赴港……), not the caption of a photograph as on a modern page; set
    directly under a headline column, a mark and a phrase (△某题) name the
    instalment of a serial: a column of its deck."""
    for k, line in enumerate(lines):
        if line.kind == CAPTION and is_pointer_item(line.text):
            deck = k > 0 and line.gap == 0 and lines[k - 1].kind == SHORT and len(line.text) <= MAX_DECK_COLUMN
            line.kind = SHORT if deck and not _CLAUSE_MARKS_RE.search(line.text) else PARA


MAX_DECK_COLUMN = 12
_CLAUSE_MARKS_RE = re.compile(r"[，,、；;。！？!?：:]")
_BRACKETS_ONLY_RE = re.compile(r"^[（）()〔〕「」『』]+$")


def _deck_brackets(lines: list[Line]) -> None:
    """A deck's brackets may stand in a column of their own (the writer and his
    place in brackets, 某某自某地寄, set over several columns): a line of
    brackets alone directly under a headline column belongs to the deck."""
    for k in range(1, len(lines)):
        if lines[k].gap == 0 and lines[k - 1].kind == SHORT and _BRACKETS_ONLY_RE.match(lines[k].text):
            lines[k].kind = SHORT


def _punctuated_is_text(lines: list[Line]) -> None:
    """Headlines of the old vertical pages are set unpunctuated, their phrases
    in columns: a short line holding a stop (、，；) is a piece of a paragraph
    that a column end cut."""
    for line in lines:
        if line.kind == SHORT and _STOPS_RE.search(line.text):
            line.kind = PARA


_STOPS_RE = re.compile(r"[，,、；;]")


def _names_sitter(chunk: Chunk, line: Line) -> bool:
    """A phrase between ornaments that names someone the story above names
    (◘某某小姐◘ under a piece about her) is her portrait's caption; another heads a story."""
    phrase = ornamented(line.text)
    return bool(phrase) and any(phrase in l.text for l in chunk.all_lines)


# Any stop a paragraph's piece may end on; the old pages close sentences on 、 too.
_STOP_END_RE = re.compile(r"[、，,。！？!?；;：:」』”’）)…]$")


_TRAILING_OFF = "⋯…．.。、"


def _dropped_into_sentence(chunk: Chunk, lines: list[Line], i: int) -> bool:
    """Display type never breaks into a sentence: a phrase between ornaments
    set between the two pieces of a paragraph that a column end cut (the piece
    above ends on no stop, text goes on below), in words of the story above
    (a portrait's caption names its sitter by house and by name, ◘某寓老三◘
    under 某寓之老大… 老三…), is that picture's caption, put by the page's text
    where the picture stood; not the next story's headline. A caption may
    trail off (◘某某婦人⋯◘): its words are those before the ellipsis."""
    phrase = ornamented(lines[i].text).rstrip(_TRAILING_OFF)
    if len(phrase) < 4 or i == 0 or i + 1 >= len(lines):
        return False
    above, below = lines[i - 1], lines[i + 1]
    if above.kind != PARA or below.kind != PARA or _STOP_END_RE.search(above.text):
        return False
    head, tail = phrase[:2], phrase[-2:]
    return any(head in l.text for l in chunk.all_lines) and any(tail in l.text for l in chunk.all_lines)


# A report of the 1920s–40s closes on 云 ("so it is said": …定下月開工云、),
# read as printed, since 雲 (cloud) folds to 云 too: 雲 only before the pause
# that closes the report, as a page converted to traditional by machine
# writes every 云 (…來自白雲 is a place, 開工雲、 the converter's 云).
_REPORT_END_RE = re.compile(r"(?:云[、，。,.]?|雲[、，。,.])$")


def _heads_next_story(current: Chunk, run: list[Line], following: Line | None) -> bool:
    """On a vertical page a story's headline may be a single column, with no
    byline or dateline under it: after a report closed by 云 or a brief (◘…,
    which has no subheads), over a column's ▲ items, or set between ornaments
    (◇某某◇). Other single columns between paragraphs are the story's subheads."""
    if len(run) != 1 or following is None or not current.lines:
        return False
    line = run[0]
    if line.kind != SHORT:
        return False
    if ornamented(line.text) or is_pointer_item(following.text):
        return True
    if current.headline is None and opens_brief(current.lines[0].text):
        return True
    last = current.lines[-1]
    return last.kind == PARA and bool(_REPORT_END_RE.search(last.as_printed))


# The names of a column of briefs, alone or after its field: 簡訊, 某某简讯, 某地快讯.
_BRIEFS_COLUMN_RE = re.compile(r"(?:简讯|短讯|快讯|简报)$")


def _split_briefs(chunk: Chunk) -> list[Chunk]:
    """A column of briefs (簡訊, 某某简讯) runs items each under a heading of
    its own, set as a subhead would be: under that column, a short line (or a
    deck of them) between paragraphs heads the next brief, not a section."""
    if chunk.headline is None or not chunk.headline_lines or not _BRIEFS_COLUMN_RE.search(chunk.headline_lines[0].text):
        return [chunk]
    body = chunk.lines
    pieces: list[Chunk] = []
    start, headline, headline_lines = 0, chunk.headline, chunk.headline_lines
    k = 1
    while k < len(body):
        if body[k].kind == SHORT and body[k - 1].kind == PARA:
            end = k + 1
            while end < len(body) and body[end].kind == SHORT and body[end].gap == 0:
                end += 1
            if end < len(body) and body[end].kind == PARA:
                pieces.append(Chunk(headline=headline, headline_lines=headline_lines, lines=body[start:k]))
                headline_lines = body[k:end]
                headline = Headline(title=" ".join(line.text for line in headline_lines))
                start = k = end
                continue
        k += 1
    pieces.append(Chunk(headline=headline, headline_lines=headline_lines, lines=body[start:]))
    return pieces


# A headline that counts what it reports (盜案三起, 火警兩則) tells one story of several incidents.
_COUNTED_RE = re.compile(r"[一二三四五六七八九十两数]+[起则件宗桩椿项]$")


def _split_items(chunk: Chunk) -> list[Chunk]:
    """A column of news under a heading (外交消息: ▲某大使……, ▲某會……) runs
    several briefs, each a story of its own; the heading stays with the first.
    A signed column (its writer's byline) is one piece, and a headline that
    counts its incidents one story."""
    body = chunk.lines
    if chunk.headline is None or not body or not is_pointer_item(body[0].text):
        return [chunk]
    if _COUNTED_RE.search(chunk.headline.title) or any(line.kind == BYLINE for line in body):
        return [chunk]
    starts = [k for k, line in enumerate(body) if k and line.kind == PARA and is_pointer_item(line.text)]
    if not starts:
        return [chunk]
    pieces = [Chunk(headline=chunk.headline, headline_lines=chunk.headline_lines, lines=body[: starts[0]])]
    for start, end in zip(starts, starts[1:] + [len(body)]):
        pieces.append(Chunk(headline=None, lines=body[start:end]))
    return pieces


MAX_COLUMN_SUBHEAD = 10


def _mark_column_subheads(chunk: Chunk) -> None:
    """A vertical page's subhead is a short column set between paragraphs (a
    phrase without stops). Its paragraphs close on 、, the old pages' stop
    for clause and sentence alike, so the body's sentence test cannot tell it."""
    body = chunk.lines
    for k in range(1, len(body) - 1):
        line = body[k]
        if (
            line.kind == SHORT
            and body[k - 1].kind == PARA
            and body[k + 1].kind == PARA
            and len(line.text) <= MAX_COLUMN_SUBHEAD
            and not _CLAUSE_MARKS_RE.search(line.text)
        ):
            line.kind = MARKED


def _fragment_alone(run: list[Line], following: Line | None) -> bool:
    """A single short line that is a paragraph's first piece, cut at a column end."""
    return len(run) == 1 and following is not None and cut_off(run[0].text, following.text)


_BRACKETED_DATELINE_RE = re.compile(r"^[〔【\[（(]")


def _further_dispatch(chunk: Chunk, line: Line) -> bool:
    """A wire story compiled from several dispatches heads each one's paragraph
    with its dateline in brackets (〔某社甲城五日電〕, 【又電】): under a story
    that opened with a dateline, such a paragraph goes on with it. A brief
    without a headline opens with its own dateline set plain (本報訊 ……)."""
    return bool(_BRACKETED_DATELINE_RE.match(line.text)) and any(l.kind == DATELINE for l in chunk.lines)


def _one_of_several(chunk: Chunk, line: Line) -> bool:
    """A headline saying its subject met, called or wrote to several parties
    分别 (respectively: 某某分别同甲、乙外长通电话) heads one dispatch per
    party, each under the same dateline: a dateline that repeats the story's
    first goes on with it. Only a dispatch's dateline, which names its place
    and day (本报北京5月11日电): briefs under 分别获评 or 分别签约 each open
    with the paper's bare mark (本报讯), which repeats on every brief."""
    headline = chunk.headline
    if headline is None or "分别" not in headline.title + headline.kicker:
        return False
    first = next((l for l in chunk.lines if l.kind == DATELINE), None)
    if first is None:
        return False
    dateline, _, day, _ = split_dateline(first.text, first_paragraph=True)
    return day is not None and split_dateline(line.text, first_paragraph=True)[0] == dateline


# The reading boxes a feature opens with (核心阅读: the story in brief).
_FEATURE_BOXES = frozenset({"核心阅读", "阅读提示", "导读"})


def _after_dash_subtitle(lines: list[Line], i: int, j: int) -> int:
    """A 副题 set with a dash (——……) closes its headline stack: short lines of
    clauses under it in the run are the text's first pieces (a summary that a
    column end cut), so the run ends at the 副题 and they are text."""
    for n in range(i + 1, j - 1):
        if lines[n].kind == SUBLINE and lines[n].text.startswith("——"):
            rest = lines[n + 1:j]
            if all(line.kind == SHORT and (_COMMA_RE.search(line.text) or "、" in line.text) for line in rest):
                for line in rest:
                    line.kind = PARA
                return n + 1
            break
    return j


def _summary_under_tagged_title(chunk: Chunk) -> bool:
    """A commentary's title carries its column's tag ((某某观察), (某某观)); the
    long line of clauses set apart under it is its summary (提要), which opens
    the text, never a 副题 of display type."""
    lines = chunk.headline_lines
    if len(lines) != 2 or chunk.headline is None or not chunk.headline.subtitle:
        return False
    title, summary = lines
    return (
        bool(_TAG_RE.search(title.text)) and summary.gap >= 1 and summary.kind == SHORT
        and len(summary.text) > MAX_DISPLAY_LINE and bool(_COMMA_RE.search(summary.text) or "、" in summary.text)
    )


def _speaker_subhead(current: Chunk, run: list[Line], following: Line | None) -> bool:
    """A feature that opens with a reading box (核心阅读) is set in sections, and
    may head each with what someone said: the speaker over a dash (某国官员——)
    and the words under it. Set between its paragraphs, with text and no byline
    or dateline under it, that pair is a subhead of the feature, not a kicker
    and title of the next story."""
    return (
        len(run) == 2 and run[0].kind == KICKER and run[1].kind == SHORT
        and following is not None and following.kind == PARA
        and bool(current.lines) and current.lines[0].text in _FEATURE_BOXES
        and _has_body(current)
    )


def _closing_dateline(lines: list[Line], i: int) -> bool:
    """A bracketed dateline alone on its line with no paragraph under it closes
    the report above (（本报某地1月1日电）, printed after the text); one
    opening a report stands over its first paragraph."""
    below = lines[i + 1] if i + 1 < len(lines) else None
    return bool(trailing_dateline(lines[i].text)) and (below is None or below.kind in HEADLINE_KINDS)


# Notices a paper prints under a heading of their own (开奖公告, 启事, 声明,
# 讣告): a results table set as a picture leaves only the heading in PDF text,
# and several such boxes stand one under another.
_NOTICE_RE = re.compile(r"(?:公告|启事|通告|声明|讣告|公示)$")
# The paper's own box (its address, subscription price, postal code, printer) is
# set under a heading of its own, as an item apart from the story above it.
_PAPER_BOX_RE = re.compile(r"(?:订价|定价|零售价|邮发代号|邮编|出版单位|法律顾问|广告经营许可证|印刷[:：])")
MAX_BOX_LOOKAHEAD = 2  # the box's first fields: price, postal code


def _notice_heading(lines: list[Line], i: int, current: Chunk) -> bool:
    """A lone short line (not stacked with the lines around it) heading a notice,
    or heading the paper's box, whose first lines name its fields. A notice's
    heading only where no story is running: a subhead may end the same way (发表联合声明)."""
    line = lines[i]
    if line.kind != SHORT or is_marked_subhead(line) or len(line.text) > MAX_DISPLAY_LINE:
        return False
    below = lines[i + 1] if i + 1 < len(lines) else None
    # A headline never repeats its own words: the same notice heading set solid
    # under another (开奖公告 over 开奖公告, the blank line lost) is a box of its
    # own; nor is a heading stacked with the closed sentence of a story above.
    above = lines[i - 1] if i else None
    stacked_above = above is not None and line.gap == 0 and above.text != line.text and not (above.kind == PARA and ends_sentence(above.text))
    if stacked_above or (below is not None and below.gap == 0 and below.text != line.text):
        return False
    if _NOTICE_RE.search(line.text):
        return _story_closed(lines, i, current) or _reads_as_notice(lines, i)
    box = lines[i + 1:i + 1 + MAX_BOX_LOOKAHEAD]
    inside = lines[max(0, i - MAX_BOX_LOOKAHEAD):i + 1]  # a line among the box's fields is one of them
    return bool(box) and not any(_PAPER_BOX_RE.search(b.text) for b in inside) and any(_PAPER_BOX_RE.search(b.text) for b in box)


def _cut_at_notice(lines: list[Line], i: int, j: int, current: Chunk) -> int:
    """A notice's heading is a run of its own: the run ends above it, or under it."""
    for k in range(i, j):
        if _notice_heading(lines, k, current):
            return k + 1 if k == i else k
    return j


# A notice speaks in its own formulas: it opens in the first person of a
# person or body (本人, 本公司, 兹) or closes with 特此公告/声明.
_NOTICE_WORDING_RE = re.compile(r"^(?:本人|本公司|本单位|本院|兹)|特此(?:公告|声明|启事|通知|公示)")


def _reads_as_notice(lines: list[Line], i: int) -> bool:
    """Under a running story, a notice heading stands for a notice only when no
    text follows it (a results box set as a picture, another notice's heading
    next) or the text under it is worded as a notice."""
    below = lines[i + 1] if i + 1 < len(lines) else None
    if below is None or (below.kind == SHORT and _NOTICE_RE.search(below.text)):
        return True
    return below.kind == PARA and bool(_NOTICE_WORDING_RE.search(below.text))


def _story_closed(lines: list[Line], i: int, current: Chunk) -> bool:
    """Nothing of a story runs into line i: the piece has no text yet, or what
    stands above is a credit closing it, or another notice or the paper's box."""
    if not _has_body(current) or i == 0:
        return True
    above = lines[i - 1]
    return above.kind in (CREDIT, FOOTER) or bool(_NOTICE_RE.search(above.text) or _PAPER_BOX_RE.search(above.text))


def _long_piece(line: Line, following: Line, above: Line) -> bool:
    """A line longer than one of display type, set under a headline line,
    whose commas pair no phrases (cut_off), over more text: the first piece of
    a paragraph that a column end cut, not a 副题 (a 副题 stands over the
    byline, the dateline or the text's first paragraph, and reads whole). A
    long 副题 set solid under its title over the first paragraph reads whole
    as two balanced phrases that close no sentence and report no one's words
    (今年以来某某新增岗位某某个，某某控制在某某以内). PDF text may cut the
    first paragraph too, and the piece then stands under the headline with a
    blank line between, as a 副题 set apart would: it is text all the same.
    Under a speaker set over a dash (某某——) the line is the words of a
    subhead (_speaker_subhead)."""
    return (
        # Set apart by a blank line, it is text only where it reads as a paragraph's
        # start (a lead's time, a closed sentence): a 副题 is a long line with commas too.
        (line.gap == 0 or (above.kind != KICKER and (bool(lead_time(line.text)) or ends_sentence(line.text))))
        and len(line.text) > MAX_DISPLAY_LINE and cut_off(line.text, following.text)
        and (ends_sentence(line.text) or not balanced(line.text) or bool(_SAYS_RE.match(line.text)))
    )


MAX_SOLID_TOP = 3  # a headline block is a few lines: 引题 lines over the stack
_ASKS_RE = re.compile(r"[？?][”’」』)）]?$")


def _solid_top(above: list[Line], first: Line, *, at_page_start: bool) -> list[Line]:
    """A headline is set solid, its lines with no blank line between them; the
    text above it stands apart. Lines set solid over a headline's first line,
    in a block set apart from what is above it, are its top lines (a 引题 that
    asks 某某多久？某某在哪里？, or names its subject 某某：), never the
    last lines of the story above nor a piece of their own. A line of text is
    no headline's: it holds a full stop or runs longer than a title. Nor is a
    line that closes a sentence (欢迎某某！, “某某！”): where the blank line under
    a story was lost, that is its last paragraph; a 引题 closing on a question
    is taken only over no story's text."""
    if first.gap:
        return []
    n = 0
    while n < min(len(above), MAX_SOLID_TOP):
        line = above[-1 - n]
        if _BRACKETED_RE.match(line.text):
            return []  # a note in brackets (a series' end note, （某某到此结束）) closes the text above; no 引题 is bracketed whole
        if line.kind not in (PARA, SHORT, KICKER) or len(line.text) > MAX_QUESTION_TITLE or "。" in line.text:
            # PDF text may lose the blank line over the block: a paragraph
            # closing its sentence still sets the text apart from top lines
            # that close none.
            if n and line.kind in (PARA, DATELINE, JUMP) and ends_sentence(line.text) and not any(
                ends_sentence(top.text) for top in above[-n:]
            ):
                break
            return []
        n += 1
        if line.gap:
            break
    else:
        if not (n and n == len(above) and at_page_start):
            return []
    top = above[-n:]
    closing = [line for line in top if ends_sentence(line.text)]
    if closing and (_has_body(Chunk(headline=None, lines=above[:-n])) or not all(_ASKS_RE.search(line.text) for line in closing)):
        return []
    return top


def _has_body(chunk: Chunk) -> bool:
    return any(line.kind in (PARA, DATELINE, JUMP) for line in chunk.lines)


def _closes_previous(current: Chunk, run: list[Line]) -> bool:
    """The story above is closed: its last line is a source credit (据新华社,
    （作者为……）), the note of where a reprinted piece was taken from
    (（摘自……）), a jump to another page or a byline printed after its body.
    What follows is a new headline."""
    body = current.lines
    if not body:
        return False
    last = body[-1]
    if last.kind in (CREDIT, JUMP_TO) or (last.kind == PARA and (ends_with_credit(last.text) or is_source_note(last.text))):
        return True
    if last.kind == DATELINE and trailing_dateline(last.text) and _has_body(Chunk(headline=None, lines=body[:-1])):
        return True
    if last.kind == BYLINE:
        k = len(body) - 1
        while k >= 0 and body[k].kind == BYLINE:
            k -= 1
        # the text above the byline: a paragraph, or a line longer than display type
        return k >= 0 and (body[k].kind in (PARA, DATELINE, CAPTION) or len(body[k].text) > MAX_DISPLAY_LINE)
    return False


MAX_PHOTO_TEXT = 600
MAX_PHOTO_LINES = 5
_PHOTO_ROLES = frozenset({"摄影", "供图"})


def _photo_news_ahead(lines: list[Line], j: int) -> bool:
    """Photo news: a headline, a caption of a paragraph or two, and the photographer's
    credit (钱七摄, 新华社记者 陈三摄) closing it. A subhead is followed by more body."""
    size = 0
    for k in range(j, min(j + MAX_PHOTO_LINES + 1, len(lines))):
        line = lines[k]
        if line.kind == BYLINE:
            photo = bool(line.people) and all(p.role in _PHOTO_ROLES for p in line.people)
            closes = k + 1 == len(lines) or lines[k + 1].kind in HEADLINE_KINDS
            return k > j and photo and closes
        if line.kind not in (PARA, CAPTION):
            return False
        size += len(line.text)
        if size > MAX_PHOTO_TEXT:
            return False
    return False


# Subheads are often marked: ●X，Y, ■X, 一、…, （一）…, 1. …
SUBHEAD_MARK_RE = re.compile(r"^(?:[●■◆▲△◇□○▶►☆★]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])")
# A headline may carry a tag naming its series in brackets: X交出答卷（权威发布）.
_TAG_RE = re.compile(r"[（(][^（）()]{2,12}[)）]$")
MAX_TAGGED_TITLE = 40


def is_marked_subhead(line: Line) -> bool:
    return bool(SUBHEAD_MARK_RE.match(line.text))


def _stacked(a: Line, b: Line, *, vertical: bool = False) -> bool:
    """Two headline lines set one under the other with no blank line: a headline
    stack (引题 over 主题, 主题 over 副题); subheads stand alone. A vertical
    page's deck may hold marked columns: a serial's instalment （八）, △某题."""
    return b.gap == 0 and (vertical or (not is_marked_subhead(a) and not is_marked_subhead(b)))


def _starts_article(
    run: list[Line], following: Line | None, *, at_page_start: bool, vertical: bool = False, lost_blank: bool = False,
) -> bool:
    """lost_blank: the run is set solid only because PDF text lost the blank
    line between two lines of a subhead (_subhead_lost_blank)."""
    if at_page_start:
        return True
    if following is None:
        return False
    if not lost_blank and any(_stacked(a, b, vertical=vertical) for a, b in zip(run, run[1:])):
        return True
    last = run[-1]
    # a title tagged with its series, (某某观), whatever summary line is set under it
    if any(
        line.kind == SHORT and len(line.text) <= MAX_TAGGED_TITLE and _TAG_RE.search(line.text) and not is_marked_subhead(line)
        for line in run
    ):
        return True
    # A line longer than one of display type over a writer's signature (a name
    # with no role, （某某）) is the text's last line over the signature moved
    # under it (a verse line, unpunctuated), not a headline over its byline.
    if (
        following.kind == BYLINE and len(run) == 1 and len(last.text) > MAX_DISPLAY_LINE
        and following.people and all(p.role == "" for p in following.people)
    ):
        return False
    if _signed_opening(following) and not is_marked_subhead(last):
        return True
    if following is not None and following.kind in (BYLINE, DATELINE, JUMP) or (following.kind == CREDIT and following.gap <= 1 and _COMMENTATOR_RE.search(following.text)):
        return True
    # A kicker over a title, a subtitle under one. A lone line ending with —— is a
    # run-in lead of the body (抓某项教育，筑牢某种意识——), a lone ——王五 the
    # attribution of a quote.
    if any(line.kind == KICKER for line in run[:-1]) or any(line.kind == SUBLINE for line in run[1:]):
        return True
    if any(line.kind == HEADING and line.level == 1 for line in run):
        return True
    # A heading with a plain short line under it is a title with its subtitle;
    # a subhead is followed by body text, which may be a fragment broken off
    # by a column end (《意见》提出,推动区域协调发展,加快) — those have commas.
    return any(
        a.kind == HEADING and b.kind == SHORT and not _COMMA_RE.search(b.text)
        for a, b in zip(run, run[1:])
    )


# How far ahead a story's other subheads are looked for: a few sections of text.
MAX_SIBLING_LOOKAHEAD = 40


def _subhead_lost_blank(current: Chunk, run: list[Line], following: Line | None, lines: list[Line], j: int) -> bool:
    """A feature (通讯) may head its sections with two-line subheads
    (a lead phrase over the point: 传递某个理念 / 某某共建某某), each line a
    block of its own; PDF text loses a blank line here and there, and then
    one such pair stands solid like a headline stack. Subheads come in sets
    spaced through the story: inside a running story, over plain text, a
    solid pair of short lines is a subhead when further down, before any
    byline, dateline or credit, the text sets another pair of short lines
    apart between its paragraphs. A story that follows under its own headline
    runs on with text and none of the story above's subheads; the last pair
    of a story is not judged so, since a story after it may have none either."""
    if len(run) != 2 or following is None or following.kind != PARA or not _has_body(current):
        return False
    if any(line.kind != SHORT or is_marked_subhead(line) or len(line.text) > MAX_DISPLAY_LINE for line in run):
        return False
    above = current.lines[-1]
    if above.kind != PARA or not ends_sentence(above.text):
        return False
    end = j
    while end < min(len(lines), j + MAX_SIBLING_LOOKAHEAD) and lines[end].kind not in (BYLINE, DATELINE, CREDIT, JUMP_TO):
        end += 1
    return _set_apart_pair(lines, j, end)


def _set_apart_pair(lines: list[Line], start: int, end: int) -> bool:
    """Two short lines with a blank line between them, set between a closed
    sentence and text: a subhead in two lines, each its own block."""
    for k in range(max(start, 1), end - 2):
        a, b = lines[k], lines[k + 1]
        if (
            a.kind == SHORT and b.kind == SHORT and b.gap >= 1
            and len(a.text) <= MAX_DISPLAY_LINE and len(b.text) <= MAX_DISPLAY_LINE
            and lines[k - 1].kind == PARA and ends_sentence(lines[k - 1].text)
            and lines[k + 2].kind == PARA
        ):
            return True
    return False


def _over_lead_and_byline(run: list[Line], lines: list[Line], j: int) -> bool:
    """A 都市报 sets a lead-in of one short paragraph (a sentence on how to take
    part, what the page offers) between a headline and the writers' byline
    that opens the text: a run over such a paragraph and a byline of writers
    (not a photo's credit) over text heads a story, as it would set directly
    over the byline."""
    if j + 2 >= len(lines) or is_marked_subhead(run[-1]):
        return False
    lead, byline, text = lines[j], lines[j + 1], lines[j + 2]
    return (
        lead.kind == PARA and len(lead.text) <= MAX_LEAD_IN
        and byline.kind == BYLINE and bool(byline.people) and not any(p.role in _PHOTO_ROLES for p in byline.people)
        and text.kind in (PARA, DATELINE)
    )


def _credited_in_dateline(line: Line) -> bool:
    """本报讯（记者 张三）……: the dateline's brackets credit the story's writers."""
    if line.kind != DATELINE:
        return False
    rest = split_dateline(line.text, first_paragraph=True)[3]
    return split_leading_byline(rest.strip())[1] is not None


def _split_photo_news(chunk: Chunk) -> list[Chunk]:
    """Split off photo news: an article credited at its head (a byline line, or
    the byline in its dateline's brackets) cannot also end with a credit of its
    own; under a dateline's credit only a photographer's closes photo news."""
    body = chunk.lines
    if not body or body[-1].kind != BYLINE:
        return [chunk]
    if body[0].kind != BYLINE and not _signature(body[-1]):
        photo_credit = bool(body[-1].people) and all(p.role in _PHOTO_ROLES for p in body[-1].people)
        if not (photo_credit and _credited_in_dateline(body[0])):
            return [chunk]
        if len(body) < 3 or body[-3].kind not in (PARA, DATELINE) or not ends_sentence(body[-3].text):
            return [chunk]
        # The dateline is the head; the photo news is the caption over the credit.
        return [
            Chunk(headline=chunk.headline, headline_lines=chunk.headline_lines, lines=body[:-2]),
            Chunk(headline=None, lines=body[-2:]),
        ]
    lead_end = 0
    while lead_end < len(body) and body[lead_end].kind == BYLINE:
        lead_end += 1
    tail_start = len(body)
    while tail_start > lead_end and body[tail_start - 1].kind == BYLINE:
        tail_start -= 1
    if tail_start <= lead_end + 1:
        return [chunk]
    # A piece signed at its end by its writer's name alone (（某甲）, the old
    # pages' signature) begins at its own headline, when one stands between (a
    # signature moved under the text left it alone); photo news at a figure's gap.
    # With no byline at the story's head, the signature closes the piece under
    # the nearest headline above it, and only a headline cuts it off (PDF text
    # doubles blank lines anywhere).
    signed = all(p.role == "" for line in body[tail_start:] for p in line.people or [])
    photo_start = tail_start - 1
    headed = False
    for k in range(tail_start - 1, lead_end, -1):
        # Without a byline at the head, a headline-like line is the signed piece's
        # title only where no other stands set apart above it: subheads come in sets.
        if signed and _reads_as_headline(body[k]) and (lead_end or (
            _heads_signed_piece(body[k], body[k + 1])
            and not any(body[m].gap and _reads_as_headline(body[m]) for m in range(1, k))
        )):
            photo_start, headed = k, True
            break
        if body[k].gap >= FIGURE_GAP:
            photo_start = k
            break
    if photo_start <= lead_end or not (lead_end or headed):
        return [chunk]
    story = Chunk(headline=chunk.headline, headline_lines=chunk.headline_lines, lines=body[:photo_start])
    if headed:
        line = body[photo_start]
        return [story, Chunk(headline=Headline(title=line.text), headline_lines=[line], lines=body[photo_start + 1:])]
    return [story, Chunk(headline=None, lines=body[photo_start:])]


_BRACKETED_RE = re.compile(r"^[（(].*[)）]$")
# A phrase set between marks, a pair (◀某某▶) or one twice (◘某某◘).
_BETWEEN_MARKS_RE = re.compile(r"^[◀◁◆◇◎○●■□◘★☆].*[▶▷◆◇◎○●■□◘★☆]$")


def _heads_signed_piece(line: Line, below: Line) -> bool:
    """Under a story with no byline at its head, a line that can head the
    piece its signature closes: not a phrase between ornaments (◀某某小影▶,
    a picture's caption set inside the text), a note in brackets (（見某報）),
    an item's mark ((四)……) or a paragraph's piece that a column end cut."""
    text = line.text
    return not (
        _BETWEEN_MARKS_RE.match(text) or _BRACKETED_RE.match(text) or is_marked_subhead(line) or cut_off(text, below.text)
    )


def _signature(line: Line) -> bool:
    """A writer's name with no role (（某甲）): the old pages' signature."""
    return bool(line.people) and all(p.role == "" for p in line.people)


def _reads_as_headline(line: Line) -> bool:
    """A short line that is no piece of a cut sentence, or one short sentence that asks or exclaims (何必！);
    no longer than one line of display type (a longer one is text: a verse, a column-end piece)."""
    if line.kind == SHORT:
        return len(line.text) <= MAX_DISPLAY_LINE
    return (
        line.kind == PARA
        and len(line.text) <= MAX_QUESTION_TITLE
        and bool(_QUESTION_END_RE.search(line.text))
        and not _INNER_END_RE.search(line.text[:-1].rstrip("”’」』)）"))
    )
