"""Build one article record from a chunk: bylines, dateline, jump, and a clean body.

The body is rebuilt the way a sub-editor would retype it: captions taken out
of the sentences they were dropped into, paragraphs broken by column ends
joined again, highlight boxes that repeat the body dropped, and short lines
between paragraphs kept as subheads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import markers
from .bylines import split_inline_byline, split_leading_byline
from .lines import _BRIEF_MARK_RE, _CLOSERS, BYLINE, CAPTION, CREDIT, DATELINE, HEADING, JUMP, JUMP_TO, MARKED, MAX_LEAD_IN, PARA, SUBLINE, Line, ends_sentence, is_pointer_item
from .records import CAPTION as CAPTION_BLOCK
from .records import PARAGRAPH, SUBHEAD, ArticleRecord, Block
from .segment import Chunk, cut_off
from .warnings import warning

MAX_SUBHEAD = 30
MIN_HIGHLIGHT = 20  # shorter lines are too common to call repeats
HIGHLIGHT_PROBE = 16
FIND_BUDGET = 2_000_000  # characters str.find may scan for highlight boxes on one article
MAX_BOX_TITLE = 20
_COMMA_RE = re.compile(r"[，,]")
_LATIN_EDGE_RE = re.compile(r"[A-Za-z]")


@dataclass
class _Piece:
    kind: str  # "para", "short", "heading", "caption"
    text: str


def build_article(chunk: Chunk, position: int) -> ArticleRecord:
    lines = chunk.all_lines
    record = ArticleRecord(position=position, span=(min(l.start for l in lines), max(l.end for l in lines)))
    if chunk.headline is not None:
        record.column = chunk.headline.column
        record.kicker = chunk.headline.kicker
        record.title = chunk.headline.title
        record.subtitle = chunk.headline.subtitle
    else:
        record.warnings.append(warning("no_headline"))
    body_lines = _take_bylines(chunk.lines, record)
    pieces = _take_markers(body_lines, record)
    pieces = _drop_highlight_boxes(pieces, record)
    record.blocks = _assemble(pieces, record)
    _take_tail(record)
    return record


def _take_bylines(lines: list[Line], record: ArticleRecord) -> list[Line]:
    """Collect every byline; if one stands mid-body, the text above it was a displaced column."""
    groups: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if lines[i].kind == BYLINE:
            j = i
            while j < len(lines) and lines[j].kind == BYLINE:
                j += 1
            groups.append((i, j))
            i = j
        else:
            i += 1
    for start, end in groups:
        for line in lines[start:end]:
            record.bylines.extend(line.people or [])
    body = [line for line in lines if line.kind != BYLINE]
    if not groups or groups[0][0] == 0:
        return body
    start, end = groups[0]
    # A lead-in set over the byline opens the text; a column printed out of
    # order is the rest of a last paragraph that the text leaves unfinished.
    if start == 1 and lines[0].kind == PARA and len(lines[0].text) <= MAX_LEAD_IN and ends_sentence(lines[-1].text):
        return body
    if end == len(lines):
        record.warnings.append(warning("byline_at_end"))
        return body
    # A byline with text on both sides: the page printed a later column first.
    record.warnings.append(warning("byline_mid_text"))  # columns printed out of order
    return [l for l in lines[end:] if l.kind != BYLINE] + lines[:start]


def _take_markers(lines: list[Line], record: ArticleRecord) -> list[_Piece]:
    pieces: list[_Piece] = []
    for n, line in enumerate(lines):
        text = line.text
        if line.kind == DATELINE and n == len(lines) - 1 and pieces and not record.dateline and (trailing := markers.trailing_dateline(text)):
            # The dateline printed after the last paragraph, in brackets: the report's, not its text.
            record.dateline = trailing
            _, record.dateline_month, record.dateline_day, _ = markers.split_dateline(text)
            continue
        if line.kind == CREDIT:
            record.warnings.append(warning("source_credit_kept_out", text=text))
            continue
        if line.kind == JUMP_TO:
            record.continues_to = markers.split_jump_to(text)[0]
            continue
        if line.kind in (DATELINE, PARA) and not record.dateline and not pieces:
            record.dateline, record.dateline_month, record.dateline_day, text = markers.split_dateline(
                text, first_paragraph=True
            )
            text = text.strip()
            # 本报北京3月4日电（记者张三、李四）: the byline inside the dateline's brackets,
            # or run in after it without them (本报讯 记者 张三 ……).
            text, people = split_leading_byline(text, run_in=bool(record.dateline))
            if people:
                record.bylines.extend(people)
            if record.dateline_month is None and record.dateline_day is None and re.search(r"日[讯电〕】\]]", record.dateline):
                record.warnings.append(warning("dateline_not_a_date", dateline=record.dateline))
        elif line.kind == JUMP and not record.continued_from and not pieces:
            record.continued_from, text = markers.split_jump_from(text)
            text = text.strip()
        if not text:
            continue
        if line.kind == CAPTION:
            pieces.append(_Piece("caption", text))
        elif line.kind in (HEADING, MARKED):
            pieces.append(_Piece("heading", text))
        elif line.kind in (PARA, DATELINE, JUMP, SUBLINE):
            # A line opening with —— inside a body is a quote's attribution
            # (——某某) or an item run in with a dash (——抓落实，见实效。), never a subhead.
            pieces.append(_Piece("para", text))
        else:
            pieces.append(_Piece("short", text))
    return pieces


def _drop_highlight_boxes(pieces: list[_Piece], record: ArticleRecord) -> list[_Piece]:
    """Drop pull-out boxes: an unfinished sentence that the body repeats further down."""
    # The text right under the headline is the story's lead (提要), whatever it
    # repeats; a pull-out box stands inside the text.
    repeated = _repeated_later(pieces) - {0}
    kept: list[_Piece] = []
    for i, piece in enumerate(pieces):
        if i in repeated:
            if kept and kept[-1].kind == "short" and len(kept[-1].text) <= MAX_BOX_TITLE:
                kept.pop()  # the box's own little title
            record.warnings.append(warning("highlight_box_dropped", text=piece.text[:20]))
            continue
        kept.append(piece)
    return kept


def _probe(piece: _Piece) -> str | None:
    """The middle of a line that may be a highlight box, or None if it cannot be one."""
    text = piece.text
    if piece.kind not in ("para", "short") or len(text) < MIN_HIGHLIGHT or ends_sentence(text):
        return None
    middle = len(text) // 2
    return text[max(0, middle - HIGHLIGHT_PROBE // 2): middle + HIGHLIGHT_PROBE // 2]


def _repeated_later(pieces: list[_Piece]) -> set[int]:
    """Indexes of pieces whose probe occurs in the paragraphs after them (joined).

    In time linear in the text: either a few str.find calls (small articles),
    or one pass over every window of the joined paragraphs, remembering where
    each probe last occurs.
    """
    probes = {i: p for i, piece in enumerate(pieces) if (p := _probe(piece)) is not None}
    if not probes:
        return set()
    # after[i]: offset in `joined` where the paragraphs after piece i begin.
    after: list[int] = []
    parts: list[str] = []
    offset = 0
    for piece in pieces:
        if piece.kind == "para":
            parts.append(piece.text)
            offset += len(piece.text)
        after.append(offset)
    joined = "".join(parts)
    if len(probes) * len(joined) <= FIND_BUDGET:
        return {i for i, probe in probes.items() if joined.find(probe, after[i]) >= 0}
    last_seen: dict[str, int] = {}
    for size in {len(p) for p in probes.values()}:
        wanted = {p for p in probes.values() if len(p) == size}
        for k in range(len(joined) - size + 1):
            window = joined[k: k + size]
            if window in wanted:
                last_seen[window] = k
    return {i for i, probe in probes.items() if last_seen.get(probe, -1) >= after[i]}


class _Para:
    """A paragraph being rebuilt from pieces; joined once, at the end."""

    __slots__ = ("parts",)

    def __init__(self, text: str):
        self.parts = [text]

    @property
    def tail(self) -> str:
        """Enough of the end to tell whether the paragraph ends a sentence."""
        k = len(self.parts) - 1
        while k > 0 and not self.parts[k].rstrip().rstrip(_CLOSERS):
            k -= 1
        return "".join(self.parts[k:])

    def add(self, text: str) -> None:
        if _LATIN_EDGE_RE.match(self.parts[-1][-1:]) and _LATIN_EDGE_RE.match(text[:1]):
            self.parts.append(" ")
        self.parts.append(text)


def _assemble(pieces: list[_Piece], record: ArticleRecord) -> list[Block]:
    blocks: list[Block | _Para] = []
    joins = 0
    crossed_captions: set[int] = set()  # a caption may interrupt more than one join
    last_text: int | None = None  # index of the last block that is not a caption
    for i, piece in enumerate(pieces):
        following = pieces[i + 1] if i + 1 < len(pieces) else None
        is_last_after = i + 2 == len(pieces)
        if piece.kind == "caption":
            blocks.append(Block(CAPTION_BLOCK, piece.text))
            continue
        previous = blocks[last_text] if last_text is not None else None
        if piece.kind == "heading":
            if isinstance(previous, Block) and previous.kind == SUBHEAD and last_text == len(blocks) - 1 and pieces[i - 1].kind == "heading":
                blocks[-1] = Block(SUBHEAD, f"{previous.text} {piece.text}")
            else:
                blocks.append(Block(SUBHEAD, piece.text))
                last_text = len(blocks) - 1
            continue
        after = pieces[i + 2] if i + 2 < len(pieces) else None
        if piece.kind == "short" and _is_subhead(piece, previous, following, is_last_after, after):
            blocks.append(Block(SUBHEAD, piece.text))
            last_text = len(blocks) - 1
            continue
        # A dash line (——某某) is whole as printed: nothing after it continues it.
        # A paragraph headed by a dispatch's dateline or an item's mark (▲, ◘)
        # continues no sentence above it.
        if (
            isinstance(previous, _Para)
            and not ends_sentence(previous.tail)
            and not previous.parts[0].startswith("——")
            and not is_pointer_item(piece.text)
            and not _BRIEF_MARK_RE.match(piece.text)
            and not markers.split_dateline(piece.text)[0]
        ):
            previous.add(piece.text)
            joins += 1
            crossed_captions.update(range(last_text + 1, len(blocks)))
            continue
        blocks.append(_Para(piece.text))
        last_text = len(blocks) - 1
    if joins:
        record.warnings.append(warning("rejoined_paragraphs", count=joins))
    if crossed_captions:
        record.warnings.append(warning("captions_moved", count=len(crossed_captions)))
    return [Block(PARAGRAPH, "".join(b.parts)) if isinstance(b, _Para) else b for b in blocks]


def _is_subhead(
    piece: _Piece, previous: Block | _Para | None, following: _Piece | None, following_is_last: bool, after: _Piece | None = None
) -> bool:
    if len(piece.text) > MAX_SUBHEAD:
        return False
    if following is None:
        return False
    if not _reads_as_text(following, is_last=following_is_last) and not _lower_subhead_line(following, after):
        return False
    if cut_off(piece.text, following.text):
        return False
    if not isinstance(previous, _Para):
        return True
    return ends_sentence(previous.tail)


def _lower_subhead_line(piece: _Piece, after: _Piece | None) -> bool:
    """The second line of a subhead set in two lines (某行业的一个变化 / 承诺背后的原因),
    the body going on under it; each line is a subhead of its own."""
    return (
        piece.kind == "short"
        and after is not None
        and after.kind == "para"
        and len(piece.text) <= MAX_SUBHEAD
        and not _COMMA_RE.search(piece.text)
        and not cut_off(piece.text, after.text)
    )


def _reads_as_text(piece: _Piece, *, is_last: bool) -> bool:
    """A paragraph, or a short line that cannot be a subhead: a fragment such as
    在调研工作中，……以, or the article's last line, which no body text follows."""
    if piece.kind == "para":
        return True
    return piece.kind == "short" and (
        is_last or len(piece.text) > MAX_SUBHEAD or bool(_COMMA_RE.search(piece.text))
    )


def _take_tail(record: ArticleRecord) -> None:
    """Bylines and jump lines printed at the end of the last paragraph."""
    for k in range(len(record.blocks) - 1, -1, -1):
        block = record.blocks[k]
        if block.kind != PARAGRAPH:
            continue
        text, people = split_inline_byline(block.text)
        if people:
            record.bylines.extend(people)
            record.warnings.append(warning("byline_at_end"))
        label, text = markers.split_jump_to(text)
        if label:
            record.continues_to = label
        record.blocks[k] = Block(PARAGRAPH, text)
        if not ends_sentence(text) and not record.continues_to:
            record.warnings.append(warning("ends_mid_sentence"))
        break
