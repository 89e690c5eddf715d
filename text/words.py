"""Chinese word segmentation: jieba behind one module, with the newsroom's user dictionary.

Slugs, search indexing, search queries and tag extraction all segment text
here, so a word the newsroom teaches jieba (data/userdict.txt: 西海岸新区,
跨境电商, 微短剧 …) is one word everywhere.
"""

from __future__ import annotations

import functools
import logging
import re
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
_segmenter = None  # rjieba's Jieba with our user dictionary, once ensure_ready() has run
_viterbi = None  # ours (_Viterbi) over jieba.posseg's model, from then on
_latin_words = False  # whether the dictionaries hold a Latin word (jieba's holds none; a user's may)
# A user dictionary line: word, optional frequency, optional tag (jieba's own pattern).
_USER_LINE = re.compile(r"^(.+?)( [0-9]+)?( [a-z]+)?$")


def ensure_ready() -> None:
    global _ready, _segmenter, _viterbi, _latin_words
    if not _ready:
        with _lock:
            if not _ready:
                import jieba.posseg
                import rjieba

                jieba.initialize()
                jieba.load_userdict(str(USER_DICT))
                jieba.posseg.dt.makesure_userdict_loaded()  # the user words' tags, for tagged()
                _segmenter = rjieba.Jieba()  # jieba's dictionary, built in
                for line in USER_DICT.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        word, freq, tag = _USER_LINE.match(line.strip()).groups()
                        _segmenter.add_word(word, int(freq) if freq else None, tag.strip() if tag else None)
                _viterbi = _Viterbi(jieba.posseg.trans_P)
                _latin_words = any(f and len(w) > 1 and w.isascii() and w.isalnum() for w, f in jieba.dt.FREQ.items())
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

    def __call__(self, obs: str):
        """(log probability, [(B/M/E/S, flag) per character]) of the best path, as jieba.posseg.viterbi returns."""
        import jieba.posseg

        return self._search(obs, jieba.posseg.char_state_tab_P, jieba.posseg.start_P, self.trans_p, jieba.posseg.emit_P)

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
    """Words in reading order, whitespace dropped: 青岛电商“聚变” -> 青岛 电商 “ 聚变 ”.

    jieba.lcut's words, word for word (tests/test_text_words.py compares them),
    with its dictionary walk in Rust as in tagged(): jieba's Python walk was
    most of a headline's slug (0.5 ms an article on import). jieba's steps
    otherwise: its blocks (_BLOCK), each character outside them a word, and in
    a block the route's runs of single characters go to _run_cut().
    """
    ensure_ready()
    found: list[str] = []
    for n, block in enumerate(_BLOCK.split(text or "")):
        if n % 2 == 0:  # between blocks: every character a word, whitespace none
            found += [char for char in block if not char.isspace()]
            continue
        found += _block_cut(block)
    return found


def _block_cut(block: str) -> list[str]:
    words, run = [], ""
    for word in _segmenter.cut(block, False):
        if len(word) == 1:
            run += word
            continue
        if _LATIN.fullmatch(word):
            if _latin_words:
                # rjieba joins Latin letters and figures where jieba's route may
                # step through a Latin dictionary word inside them (AI in AIB).
                return jieba.lcut(block)
            run += word  # single characters of the route, joined
            continue
        if run:
            words += _run_cut(run)
            run = ""
        words.append(word)
    if run:
        words += _run_cut(run)
    return words


def _run_cut(run: str) -> list[str]:
    """jieba's reading of a run of the route's single characters (its __cut_DAG): a lone
    character is itself; a dictionary word is its characters; any other run goes to its HMM."""
    import jieba.finalseg

    if len(run) == 1:
        return [run]
    if jieba.dt.FREQ.get(run):
        return list(run)
    return list(jieba.finalseg.cut(run))


def cut_for_search(text: str) -> list[str]:
    """Words plus the shorter words inside long ones (青岛市 -> 青岛, 青岛市), for indexing."""
    ensure_ready()
    return [w for w in jieba.lcut_for_search(text or "") if w.strip()]


def tagged(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech flag) pairs: ns place, nr person, nt organisation …

    jieba.posseg's tagging, word for word (tests/test_text_words.py compares
    them), with its dictionary walk in Rust: the likeliest route through the
    words of jieba's dictionary and ours is rjieba's (jieba's algorithm), 0.1 ms
    an article where jieba's Python took 1.6 ms. As in jieba.posseg, a
    dictionary word on the route takes its dictionary tag, and each run of
    the route's single characters goes to _run_tagged().
    """
    ensure_ready()
    import jieba.posseg  # loaded by now

    if _latin_words:  # rjieba's joins of Latin letters may hide a Latin dictionary word (cut())
        return [(w.word, w.flag) for w in jieba.posseg.cut(text or "") if w.word.strip()]
    frequencies, tags = jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab
    found: list[tuple[str, str]] = []
    run = ""
    for word in _segmenter.cut(text or "", False):
        # rjieba joins a run of single Latin letters and figures, as jieba's plain cut does: theirs is posseg's run.
        if len(word) == 1 and _WORD_CHAR.match(word) or _LATIN.fullmatch(word) and not frequencies.get(word):
            run += word
            continue
        if run:
            found += _run_tagged(run)
            run = ""
        if _WORD_CHAR.match(word):
            found.append((word, tags.get(word, "x")))
        else:  # punctuation and the like, a character at a time; whitespace is no word
            found += [(char, "x") for char in word if not char.isspace()]
    if run:
        found += _run_tagged(run)
    return found


# Each run is tagged once per process: the result is a function of the run
# alone, and a paper repeats its runs (个, 年 after a figure, names, 上合)
# from story to story.
@functools.lru_cache(maxsize=1 << 16)
def _run_tagged(run: str) -> tuple[tuple[str, str], ...]:
    """jieba.posseg's reading of a run of single characters on the route (its __cut_DAG).

    A lone character takes its dictionary tag; a run that is a dictionary
    word (too rare on the route to be chosen) is its characters, each with its
    tag; any other run is cut and tagged by the part-of-speech HMM.
    """
    import jieba.posseg  # loaded by now (ensure_ready)

    tags = jieba.posseg.dt.word_tag_tab
    if len(run) == 1:
        return ((run, tags.get(run, "x")),)
    if jieba.dt.FREQ.get(run):
        return tuple((char, tags.get(char, "x")) for char in run)
    return _unknown_tagged(run)


def _unknown_tagged(run: str) -> tuple[tuple[str, str], ...]:
    """jieba.posseg's tagging of a run it does not know (__cut_detail): HMM over Chinese characters, figures m, Latin eng."""
    found = []
    for n, block in enumerate(_HAN.split(run)):
        if not block:
            continue
        if n % 2:  # a captured run of Chinese characters
            found += _hmm_tagged(block)
            continue
        for piece in _SKIP.split(block):
            if piece.strip():
                found.append((piece, "m" if _NUMBER.match(piece) else "eng" if _LATIN.match(piece) else "x"))
    return tuple(found)


def _hmm_tagged(run: str) -> list[tuple[str, str]]:
    """The words of the best path: B begins a word, E ends it, S stands alone (jieba.posseg's __cut)."""
    _, route = _viterbi(run)
    found, begin, after = [], 0, 0
    for i, (position, flag) in enumerate(route):
        if position == "B":
            begin = i
        elif position == "E":
            found.append((run[begin: i + 1], flag))
            after = i + 1
        elif position == "S":
            found.append((run[i], flag))
            after = i + 1
    if after < len(run):
        found.append((run[after:], route[after][1]))
    return found


# jieba.posseg's patterns: a character of a word (its re_han_internal); in an
# unknown run, Chinese characters, then figures and Latin words.
_WORD_CHAR = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._]")
_HAN = re.compile("([\u4E00-\u9FD5]+)")
_SKIP = re.compile(r"([\.0-9]+|[a-zA-Z0-9]+)")
_NUMBER = re.compile(r"[\.0-9]+")
_LATIN = re.compile("[a-zA-Z0-9]+")
# jieba.cut's blocks (its re_han_default), captured: what it segments; the rest is a character a time.
_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")


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
