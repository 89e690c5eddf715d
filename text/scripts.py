"""Simplified and traditional Chinese (简/繁), converted with OpenCC; no Django here.

OpenCC converts by phrase before character (头发 → 頭髮, 发展 → 發展), which a
character table cannot. The converters are built once, on first use: building
one reads its dictionaries (about 10 ms), converting is then about 1 ms per
20,000 characters.
"""

from __future__ import annotations

import functools

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
