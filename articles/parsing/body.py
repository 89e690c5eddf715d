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
from .bylines import split_inline_byline
from .lines import BYLINE, CAPTION, DATELINE, HEADING, JUMP, PARA, Line, ends_sentence
from .records import CAPTION as CAPTION_BLOCK
from .records import PARAGRAPH, SUBHEAD, ArticleRecord, Block
from .segment import Chunk

MAX_SUBHEAD = 30
MIN_HIGHLIGHT = 20  # shorter lines are too common to call repeats
HIGHLIGHT_PROBE = 16
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
        record.warnings.append("no headline: photo news or text printed without a title")
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
    if end == len(lines):
        record.warnings.append("byline printed at the end of the article")
        return body
    # A byline with text on both sides: the page printed a later column first.
    record.warnings.append(
        "byline found mid-text: the text above it was moved after the text below it "
        "(columns printed out of order)"
    )
    return [l for l in lines[end:] if l.kind != BYLINE] + lines[:start]


def _take_markers(lines: list[Line], record: ArticleRecord) -> list[_Piece]:
    pieces: list[_Piece] = []
    for line in lines:
        text = line.text
        if line.kind == DATELINE and not record.dateline and not pieces:
            record.dateline, record.dateline_month, record.dateline_day, text = markers.split_dateline(text)
            text = text.strip()
        elif line.kind == JUMP and not record.continued_from and not pieces:
            record.continued_from, text = markers.split_jump_from(text)
            text = text.strip()
        if not text:
            continue
        if line.kind == CAPTION:
            pieces.append(_Piece("caption", text))
        elif line.kind == HEADING:
            pieces.append(_Piece("heading", text))
        elif line.kind in (PARA, DATELINE, JUMP):
            pieces.append(_Piece("para", text))
        else:
            pieces.append(_Piece("short", text))
    return pieces


def _drop_highlight_boxes(pieces: list[_Piece], record: ArticleRecord) -> list[_Piece]:
    """Drop pull-out boxes: an unfinished sentence that the body repeats further down."""
    kept: list[_Piece] = []
    for i, piece in enumerate(pieces):
        if _is_highlight(piece, pieces[i + 1:]):
            if kept and kept[-1].kind == "short" and len(kept[-1].text) <= MAX_BOX_TITLE:
                kept.pop()  # the box's own little title
            record.warnings.append(f"dropped a highlight box that repeats the body: {piece.text[:20]}…")
            continue
        kept.append(piece)
    return kept


def _is_highlight(piece: _Piece, later: list[_Piece]) -> bool:
    text = piece.text
    if piece.kind not in ("para", "short") or len(text) < MIN_HIGHLIGHT or ends_sentence(text):
        return False
    middle = len(text) // 2
    probe = text[max(0, middle - HIGHLIGHT_PROBE // 2): middle + HIGHLIGHT_PROBE // 2]
    return probe in "".join(p.text for p in later if p.kind == "para")


def _assemble(pieces: list[_Piece], record: ArticleRecord) -> list[Block]:
    blocks: list[Block] = []
    joins = 0
    crossed_captions: set[int] = set()  # a caption may interrupt more than one join
    for i, piece in enumerate(pieces):
        if piece.kind == "caption":
            blocks.append(Block(CAPTION_BLOCK, piece.text))
            continue
        if piece.kind == "heading":
            if blocks and blocks[-1].kind == SUBHEAD and i > 0 and pieces[i - 1].kind == "heading":
                blocks[-1] = Block(SUBHEAD, f"{blocks[-1].text} {piece.text}")
            else:
                blocks.append(Block(SUBHEAD, piece.text))
            continue
        if piece.kind == "short" and _is_subhead(piece, blocks, pieces[i + 1:]):
            blocks.append(Block(SUBHEAD, piece.text))
            continue
        last_text = _last_text_index(blocks)
        if last_text is not None and blocks[last_text].kind == PARAGRAPH and not ends_sentence(blocks[last_text].text):
            blocks[last_text] = Block(PARAGRAPH, _join(blocks[last_text].text, piece.text))
            joins += 1
            crossed_captions.update(k for k in range(last_text + 1, len(blocks)) if blocks[k].kind == CAPTION_BLOCK)
            continue
        blocks.append(Block(PARAGRAPH, piece.text))
    if joins:
        record.warnings.append(f"rejoined {joins} paragraph(s) broken by column ends")
    if crossed_captions:
        record.warnings.append(f"moved {len(crossed_captions)} caption(s) out of the sentence they interrupted")
    return blocks


def _is_subhead(piece: _Piece, blocks: list[Block], rest: list[_Piece]) -> bool:
    if len(piece.text) > MAX_SUBHEAD or _COMMA_RE.search(piece.text):
        return False
    if not rest or not _reads_as_text(rest[0], is_last=len(rest) == 1):
        return False
    last_text = _last_text_index(blocks)
    if last_text is None or blocks[last_text].kind != PARAGRAPH:
        return True
    return ends_sentence(blocks[last_text].text)


def _reads_as_text(piece: _Piece, *, is_last: bool) -> bool:
    """A paragraph, or a short line that cannot be a subhead: a fragment such as
    在主题教育中，……以, or the article's last line, which no body text follows."""
    if piece.kind == "para":
        return True
    return piece.kind == "short" and (
        is_last or len(piece.text) > MAX_SUBHEAD or bool(_COMMA_RE.search(piece.text))
    )


def _last_text_index(blocks: list[Block]) -> int | None:
    for k in range(len(blocks) - 1, -1, -1):
        if blocks[k].kind != CAPTION_BLOCK:
            return k
    return None


def _join(left: str, right: str) -> str:
    if _LATIN_EDGE_RE.match(left[-1:]) and _LATIN_EDGE_RE.match(right[:1]):
        return f"{left} {right}"
    return left + right


def _take_tail(record: ArticleRecord) -> None:
    """Bylines and jump lines printed at the end of the last paragraph."""
    for k in range(len(record.blocks) - 1, -1, -1):
        block = record.blocks[k]
        if block.kind != PARAGRAPH:
            continue
        text, people = split_inline_byline(block.text)
        if people:
            record.bylines.extend(people)
            record.warnings.append("byline printed at the end of the article")
        label, text = markers.split_jump_to(text)
        if label:
            record.continues_to = label
        record.blocks[k] = Block(PARAGRAPH, text)
        if not ends_sentence(text) and not record.continues_to:
            record.warnings.append("the last paragraph ends mid-sentence; the article may continue elsewhere")
        break
