"""The one normalisation applied, identically, to answer keys and parser output.

``norm(text)``:

1. every whitespace character is removed (spaces, tabs, newlines, U+3000
   ideographic space, NBSP — anything ``str.isspace`` calls space). Chinese
   text has no word spaces, and a title printed on two lines or with a space
   between its halves is the same title;
2. full-width forms are mapped to their half-width twins: U+FF01–U+FF5E
   (！＂＃…０-９Ａ-Ｚａ-ｚ…～) become U+0021–U+007E (so ``，`` and ``,``,
   ``（`` and ``(``, ``：`` and ``:`` compare equal), and the half-width CJK
   punctuation U+FF61–U+FF64 (｡｢｣､) becomes 。「」、.

Nothing else is touched: no case folding, no quote or dash unification, no
traditional/simplified mapping. The mapping is one character to one
character, so "the first 12 characters" mean the same before and after it.
"""

from __future__ import annotations

_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_TABLE.update({0xFF61: "。", 0xFF62: "「", 0xFF63: "」", 0xFF64: "、"})


def norm(text: str | None) -> str:
    if not text:
        return ""
    return "".join(text.split()).translate(_TABLE)


def nonspace_count(text: str) -> int:
    """Characters that are not whitespace: what overlaps are measured in."""
    return sum(1 for ch in text if not ch.isspace())
