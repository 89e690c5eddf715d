"""Chinese word segmentation: jieba behind one module, with the newsroom's user dictionary.

Slugs, search indexing, search queries and tag extraction all segment text
here, so a word the newsroom teaches jieba (data/userdict.txt: 西海岸新区,
跨境电商, 微短剧 …) is one word everywhere.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import jieba
import jieba.posseg

USER_DICT = Path(__file__).resolve().parent / "data" / "userdict.txt"

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
