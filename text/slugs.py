"""Readable ASCII slugs for Chinese text, from pinyin.

Django's slugify() drops every Chinese character and would leave "" for a
Chinese headline; here jieba splits the text into words and pypinyin spells
each word, so "青岛电商“聚变”" becomes "qingdao-dianshang-jubian".
"""

from __future__ import annotations

import re
from functools import lru_cache

from text.words import cut

FALLBACK = "article"

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


# Headlines share most of their words, and pypinyin's look-up of a word costs
# more than the dictionary of those already spelled (an import spells thousands).
@lru_cache(maxsize=20_000)
def _word_slug(word: str) -> str:
    """One jieba word as lowercase ASCII letters/digits; "" for punctuation."""
    # Style.NORMAL: no tone marks. errors=keep passes non-Chinese through, then
    # everything that is not a-z/0-9 (punctuation, spaces, symbols) is dropped.
    # pypinyin is imported here, not at import (~0.2 s of CPU): articles.models
    # imports this module, so every manage.py command would pay for it.
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(word, style=Style.NORMAL, errors=lambda chars: [chars])
    return _NOT_ALNUM.sub("", "".join(syllables).lower())


def pinyin_slug(text: str, *, max_length: int = 60) -> str:
    """Pinyin slug of text: words joined by "-", at most max_length, never empty."""
    words = [w for w in (_word_slug(token) for token in cut(text or "")) if w]
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break  # cut at a word boundary rather than mid-word
        slug = candidate
    if not slug and words:
        # A single word longer than max_length: better a cut word than nothing.
        slug = words[0][:max_length]
    return slug or FALLBACK
