"""The stored article body: plain text that keeps the parser's block kinds.

Blocks are separated by one blank line. A subhead block starts with "## ",
a photo caption with "■ "; anything else is a paragraph. Plain text keeps the
body editable in a textarea and diffable, while the kinds survive a round trip.
This module imports nothing from Django so the parser side can use it too;
the parser's records use its Block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Kinds of body block, in reading order.
PARAGRAPH = "p"
SUBHEAD = "subhead"
CAPTION = "caption"


@dataclass(frozen=True)
class Block:
    kind: str  # PARAGRAPH, SUBHEAD or CAPTION
    text: str


SUBHEAD_PREFIX = "## "
CAPTION_PREFIX = "■ "

_PREFIXES = {SUBHEAD: SUBHEAD_PREFIX, CAPTION: CAPTION_PREFIX, PARAGRAPH: ""}
# One or more blank lines (possibly holding spaces) end a block; editors'
# textareas also send \r\n, so accept it.
_BLOCK_BREAK = re.compile(r"\n[ \t\u3000]*\n\s*")


def blocks_to_text(blocks: Iterable[Block]) -> str:
    """Blocks as stored text. Empty blocks are dropped; inner blank lines would split a block."""
    parts: list[str] = []
    for block in blocks:
        text = _BLOCK_BREAK.sub("\n", block.text.strip())
        if text:
            parts.append(_PREFIXES.get(block.kind, "") + text)
    return "\n\n".join(parts)


def text_to_blocks(text: str) -> list[Block]:
    """Stored text back into blocks; the inverse of blocks_to_text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    blocks: list[Block] = []
    for part in _BLOCK_BREAK.split(text):
        part = part.strip()
        if not part:
            continue
        if part.startswith(SUBHEAD_PREFIX):
            blocks.append(Block(SUBHEAD, part[len(SUBHEAD_PREFIX):].strip()))
        elif part.startswith(CAPTION_PREFIX):
            blocks.append(Block(CAPTION, part[len(CAPTION_PREFIX):].strip()))
        else:
            blocks.append(Block(PARAGRAPH, part))
    return blocks
