"""Search hits shown to readers: escaped text with the query words in <mark>."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from text.bodytext import text_to_blocks

SNIPPET_LENGTH = 120


def highlight(text: str, words: list[str]) -> SafeString:
    """text with every occurrence of words wrapped in <mark>, all of it escaped.

    The raw text is split at the hits and each piece escaped on its own, so a
    word can never match inside an entity such as &amp;.
    """
    pattern = _pattern(words)
    if pattern is None:
        return escape(text)
    parts, last = [], 0
    for hit in pattern.finditer(text):
        parts.append(escape(text[last:hit.start()]))
        parts.append(f"<mark>{escape(hit.group())}</mark>")
        last = hit.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def snippet(text: str, words: list[str], *, length: int = SNIPPET_LENGTH) -> str:
    """About `length` characters of text around the first hit (plain text, not yet escaped)."""
    text = " ".join(" ".join(block.text for block in text_to_blocks(text)).split())
    pattern = _pattern(words)
    hit = pattern.search(text) if pattern else None
    start = max(0, hit.start() - length // 3) if hit else 0
    excerpt = text[start:start + length]
    return ("…" if start else "") + excerpt + ("…" if start + length < len(text) else "")


def _pattern(words: list[str]) -> re.Pattern | None:
    if not words:
        return None
    # Longest first, so 跨境电商 is marked whole rather than its 电商.
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
