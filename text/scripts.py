"""Simplified and traditional Chinese (简/繁), converted with OpenCC; no Django here.

OpenCC converts by phrase before character (头发 → 頭髮, 发展 → 發展), which a
character table cannot. The converters are built once, on first use: building
one reads its dictionaries (about 10 ms), converting is then about 1 ms per
20,000 characters.
"""

from __future__ import annotations

import functools
import re

import opencc


def to_simplified(text: str) -> str:
    """text in simplified characters (青島 → 青岛); simplified text comes back unchanged."""
    return _converter("t2s").convert(text) if text else text


def to_traditional(text: str) -> str:
    """text in traditional characters (青岛 → 青島)."""
    return _converter("s2t").convert(text) if text else text


def spellings(text: str) -> set[str]:
    """text and its other scripts' spellings: standard, Taiwan and Hong Kong
    traditional, and simplified (法轮功 ~ 法輪功)."""
    return {text} | {_converter(config).convert(text) for config in ("s2t", "s2tw", "s2hk", "t2s")}


@functools.cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def fold_to_simplified(text: str) -> str:
    """text with each traditional character replaced by its simplified twin,
    one character for one (書報 → 书报), so every offset into the folded text
    is the same offset into text. For matching words whatever the script, not
    for display: no phrase is converted, and a character with several
    simplified forms takes OpenCC's first."""
    table, traditional = _fold_table()
    # A simplified page has nothing to fold: it is scanned once, not looked up character by character.
    return text.translate(table) if traditional.search(text) else text


# The code points a Chinese page's characters come from: CJK Unified
# Ideographs, Extension A, and the compatibility ideographs OCR may give.
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@functools.cache
def _fold_table() -> tuple[str, re.Pattern[str]]:
    """The table traditional → simplified, and a pattern of its traditional characters.

    The table is a string indexed by code point over the whole Basic
    Multilingual Plane (128 KB): str.translate then finds every character of
    a page in it, where a dict's misses (punctuation, Latin, most Han) cost
    an exception each, several times slower.
    """
    chars = [chr(c) for start, end in _HAN_RANGES for c in range(start, end)]
    # Each character on a line of its own: converted alone, never as part of a phrase.
    folded = _converter("t2s").convert("\n".join(chars)).split("\n")
    pairs = {t: s for t, s in zip(chars, folded, strict=True) if len(s) == 1 and s != t} | _FOLD_SUPPLEMENT
    table = "".join(pairs.get(chr(c), chr(c)) for c in range(0x10000))
    # 著 is not one that tells a page traditional: a simplified page prints it too (著名).
    return table, re.compile("[" + "".join(c for c in pairs if c != "著") + "]")


# What OpenCC leaves as it is and a traditional page prints for a simplified
# character: Taiwan's particle 著 (看著, for 着), and the old forms 衞, 吿, 靑
# (衛, 告, 青) of older type and OCR. Folded only on a page that is traditional
# by its other characters.
_FOLD_SUPPLEMENT = {"著": "着", "衞": "卫", "吿": "告", "靑": "青"}
