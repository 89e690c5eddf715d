"""Chinese word segmentation: jieba behind one module, with the newsroom's user dictionary.

Slugs, search indexing, search queries and tag extraction all segment text
here, so a word the newsroom teaches jieba (data/userdict.txt: 西海岸新区,
跨境电商, 微短剧 …) is one word everywhere.
"""

from __future__ import annotations

import functools
import logging
import threading
from pathlib import Path

import jieba
import jieba.posseg

DATA_DIR = Path(__file__).resolve().parent / "data"  # userdict.txt, stopwords.txt
USER_DICT = DATA_DIR / "userdict.txt"

# jieba builds its dictionary lazily on first use and logs while it does;
# build it once per process, under a lock because request threads may race.
jieba.setLogLevel(logging.WARNING)
_lock = threading.Lock()
_ready = False


def ensure_ready() -> None:
    global _ready
    if not _ready:
        with _lock:
            if not _ready:
                jieba.initialize()
                jieba.load_userdict(str(USER_DICT))
                _ready = True


def cut(text: str) -> list[str]:
    """Words in reading order, whitespace dropped: 青岛电商“聚变” -> 青岛 电商 “ 聚变 ”."""
    ensure_ready()
    return [w for w in jieba.lcut(text or "") if w.strip()]


def cut_for_search(text: str) -> list[str]:
    """Words plus the shorter words inside long ones (青岛市 -> 青岛, 青岛市), for indexing."""
    ensure_ready()
    return [w for w in jieba.lcut_for_search(text or "") if w.strip()]


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) pairs: ns place, nr person, nt organisation …"""
    ensure_ready()
    return [(pair.word, pair.flag) for pair in jieba.posseg.lcut(text or "") if pair.word.strip()]


def weighted_keywords(
    text: str, *, top_k: int, allow_pos: tuple[str, ...] = (), stop_words: frozenset[str] = frozenset()
) -> list[tuple[str, float]]:
    """jieba's TF-IDF keywords (its own IDF table) as (word, weight), best first.

    With allow_pos only words of those part-of-speech flags count (n, ns, vn …).
    """
    ensure_ready()
    return _extractor(stop_words).extract_tags(text or "", topK=top_k, withWeight=True, allowPOS=allow_pos)


@functools.lru_cache(maxsize=8)
def _extractor(stop_words: frozenset[str]):
    # One extractor per stop-word list: jieba's module-level extractor keeps its
    # stop words globally, and other callers must not inherit ours. Imported
    # here because importing jieba.analyse reads its IDF table (~0.3 s).
    import jieba.analyse

    extractor = jieba.analyse.TFIDF()
    extractor.stop_words |= stop_words
    return extractor
