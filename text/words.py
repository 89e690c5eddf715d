"""Chinese word segmentation: jieba behind one module, with the newsroom's user dictionary.

Slugs, search indexing, search queries and tag extraction all segment text
here, so a word the newsroom teaches jieba (data/userdict.txt: 西海岸新区,
跨境电商, 微短剧 …) is one word everywhere.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import threading
from pathlib import Path

import jieba

DATA_DIR = Path(__file__).resolve().parent / "data"  # userdict.txt, stopwords.txt
USER_DICT = DATA_DIR / "userdict.txt"

# jieba builds its dictionary lazily on first use and logs while it does;
# build it once per process, under a lock because request threads may race.
# jieba.posseg is imported then too, not at import: its tables cost ~0.4 s of
# CPU, a third of Django's start, which every manage.py command (migrate,
# check, a worker) paid whether or not it segments a word.
jieba.setLogLevel(logging.WARNING)
_lock = threading.Lock()
_ready = False
_jieba_viterbi = None  # jieba.posseg's own Viterbi, once ensure_ready() has replaced it
_fast_viterbi = None  # ours (_Viterbi), from then on


def ensure_ready() -> None:
    global _ready, _jieba_viterbi, _fast_viterbi
    if not _ready:
        with _lock:
            if not _ready:
                import jieba.posseg

                jieba.initialize()
                jieba.load_userdict(str(USER_DICT))
                _jieba_viterbi = jieba.posseg.viterbi
                _fast_viterbi = jieba.posseg.viterbi = _Viterbi(jieba.posseg.trans_P)
                _ready = True


class _Viterbi:
    """jieba.posseg's Viterbi, the same path and probability, without scoring impossible steps.

    Tagging a run of characters jieba's dictionary lacks (a name, a new word)
    is a Viterbi search over its 256 (position, part of speech) states, and
    jieba's pure-Python one scores every pair of a character's ~30 states
    with the next one's, though four pairs in five have no transition (B-n
    is only ever followed by M-n or E-n): that was 80 % of tagging an
    article. This one scores only pairs with a transition, adding the same
    floats in the same order and breaking ties as jieba's max() over
    (probability, state) does, so the result is identical
    (tests/test_text_words.py compares them); tagging takes half the time.
    """

    def __init__(self, trans_p: dict):
        self.trans_p = trans_p
        self.incoming: dict = {}  # state -> {previous state: log probability}
        for before, nexts in trans_p.items():
            for after, p in nexts.items():
                self.incoming.setdefault(after, {})[before] = p
        self._local = threading.local()  # .runs: the current text's {run: (probability, route)}

    @contextlib.contextmanager
    def remembering(self):
        """Within the block, a run of characters met before in this thread is not searched again.

        A story repeats its runs (a name, 年 after a figure, 个, 上合): one run
        in four on the seed pages was met before in the same story. The path is
        a function of the run alone, so the result is the same; the memory is
        one text's runs, dropped after it.
        """
        self._local.runs = {}
        try:
            yield
        finally:
            self._local.runs = None

    def __call__(self, obs, states, start_p, trans_p, emit_p):
        if trans_p is not self.trans_p:  # another model: jieba's own search
            return _jieba_viterbi(obs, states, start_p, trans_p, emit_p)
        runs = getattr(self._local, "runs", None)
        if runs is None:
            return self._search(obs, states, start_p, trans_p, emit_p)
        found = runs.get(obs)
        if found is None:
            found = runs[obs] = self._search(obs, states, start_p, trans_p, emit_p)
        return found

    def _search(self, obs, states, start_p, trans_p, emit_p):
        from jieba.posseg.viterbi import MIN_FLOAT, MIN_INF  # loaded by now (ensure_ready)

        all_states = trans_p.keys()
        V = {y: start_p[y] + emit_p[y].get(obs[0], MIN_FLOAT) for y in states.get(obs[0], all_states)}
        mem_path = [dict.fromkeys(V, "")]
        for t in range(1, len(obs)):
            char = obs[t]
            prev_states = [x for x in V if trans_p[x]]
            expect_next = set().union(*(trans_p[x].keys() for x in prev_states))
            obs_states = set(states.get(char, all_states)) & expect_next
            if not obs_states:
                obs_states = expect_next if expect_next else all_states
            before = V.keys()  # a state without transitions is in no state's incoming
            now, path = {}, {}
            for y in obs_states:
                emit = emit_p[y].get(char, MIN_FLOAT)
                incoming = self.incoming.get(y, {})
                best = None
                for y0 in incoming.keys() & before:
                    candidate = (V[y0] + incoming[y0] + emit, y0)
                    if best is None or candidate > best:
                        best = candidate
                if best is None or best[0] == MIN_INF:
                    # Every step here is impossible: jieba's max() then picks the greatest state.
                    best = (MIN_INF, max(prev_states))
                now[y], path[y] = best
            V = now
            mem_path.append(path)
        prob, state = max((V[y], y) for y in mem_path[-1])
        route = [None] * len(obs)
        for i in range(len(obs) - 1, -1, -1):
            route[i] = state
            state = mem_path[i][state]
        return prob, route


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
    with _fast_viterbi.remembering():
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
