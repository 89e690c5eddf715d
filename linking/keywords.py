"""Keyword tags and term vectors from Chinese text; imports nothing from Django.

Tags are nouns a reader would click, so jieba's TF-IDF keywords are kept
only when they are nouns (places, organisations and noun-like verbs such as
创业 included), are not on the newsroom stop-word list, are at least two
characters and contain no digits.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from text import words

if TYPE_CHECKING:
    from jieba.analyse import TFIDF

STOP_WORDS_FILE = words.DATA_DIR / "stopwords.txt"

# jieba flags: n noun, nz other proper noun, ns place, nt organisation,
# nw work title, vn verbal noun (救援, 创业). Person names (nr) are left to
# the entity suggestions: jieba guesses too many of them.
TAG_POS = ("n", "nz", "ns", "nt", "nw", "vn")
TAGS_PER_ARTICLE = 6
VECTOR_SIZE = 40

# Numerals written out (三所, 第一, 十万): a number all the same. 红十字会 is not.
_NUMERAL_WORD = re.compile(r"^第?[零〇一二三四五六七八九十百千万亿两几]+[个年月日次家项条所名位成倍]?$")
# Letters only: digits and punctuation make a word a figure, not a topic.
_WORD = re.compile(r"^[\u4e00-\u9fffA-Za-z·]+$")


@functools.lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def is_tag_word(word: str) -> bool:
    """Two or more characters, Chinese or Latin letters, no numerals and no filler."""
    return (
        len(word) >= 2
        and bool(_WORD.match(word))
        and not _NUMERAL_WORD.match(word)
        and word not in stop_words()
    )


def keywords(text: str, *, exclude: Iterable[str] = (), limit: int = TAGS_PER_ARTICLE) -> list[str]:
    """The best keyword tags of text, best first; words in exclude (bylines) are skipped."""
    skip = set(exclude)
    # Ask jieba for more than needed: the filters below drop some.
    found = words.weighted_keywords(text, top_k=limit * 4, allow_pos=TAG_POS, stop_words=stop_words())
    return [w for w, _ in found if is_tag_word(w) and w not in skip][:limit]


def term_vector(text: str, *, size: int = VECTOR_SIZE) -> dict[str, float]:
    """The size heaviest TF-IDF terms of text, scaled to unit length (a compact sparse vector)."""
    return _unit_vector(words.weighted_keywords(text, top_k=size * 2, stop_words=stop_words()), size=size)


def _unit_vector(found: list[tuple[str, float]], *, size: int) -> dict[str, float]:
    terms = {w: weight for w, weight in found if is_tag_word(w)}
    terms = dict(sorted(terms.items(), key=lambda kv: kv[1], reverse=True)[:size])
    norm = math.sqrt(sum(v * v for v in terms.values()))
    return {w: round(v / norm, 4) for w, v in terms.items()} if norm else {}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine similarity of two unit-length sparse vectors."""
    if len(b) < len(a):
        a, b = b, a
    if a.keys().isdisjoint(b):  # most pairs of stories: nothing to add up
        return 0.0
    # Terms b lacks would add 0.0, which changes no sum: skipping them gives the same float.
    # A list, not a generator: the same products summed in the same order, without
    # resuming a generator for each term (the related step's largest single cost).
    return sum([v * b[w] for w, v in a.items() if w in b])


def analyse(
    tagged: list[tuple[str, str]], *, exclude: Iterable[str] = (), limit: int = TAGS_PER_ARTICLE, size: int = VECTOR_SIZE
) -> tuple[list[str], dict[str, float]]:
    """(keywords, term_vector) from one part-of-speech segmentation of the text (words.tagged).

    Linking needs the tagged words for names anyway; segmenting once instead
    of three times (names, keywords, vector) is most of an article's cost.
    Keywords are exactly keywords()'s; the vector weighs the same TF-IDF over
    the tagged words rather than jieba's plain cut (the same words but for a
    few unknown-word guesses).
    """
    skip = set(exclude)
    extractor = words._extractor(stop_words())  # the one words.weighted_keywords() uses
    # jieba's length and stop-word filters once for both weighings, not once each.
    content = [(w, flag) for w, flag in tagged if len(w.strip()) >= 2 and w.lower() not in extractor.stop_words]
    found = _tfidf(content, extractor, top_k=limit * 4, allow_pos=TAG_POS)
    tags = [w for w, _ in found if is_tag_word(w) and w not in skip][:limit]
    return tags, _unit_vector(_tfidf(content, extractor, top_k=size * 2), size=size)


def _tfidf(content: list[tuple[str, str]], extractor: TFIDF, *, top_k: int, allow_pos: tuple[str, ...] = ()) -> list[tuple[str, float]]:
    """jieba's TFIDF.extract_tags on words already tagged and filtered (analyse()): same IDF table and order."""
    freq: dict[str, float] = {}
    for word, flag in content:
        if allow_pos and flag not in allow_pos:
            continue
        freq[word] = freq.get(word, 0.0) + 1.0
    total = sum(freq.values())
    for word in freq:
        freq[word] *= extractor.idf_freq.get(word, extractor.median_idf) / total
    return [(w, freq[w]) for w in sorted(freq, key=freq.__getitem__, reverse=True)[:top_k]]
