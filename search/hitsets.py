"""Which public articles each query word is in: bitmaps per process, carried from generation to generation.

A common word is in most of the archive (青岛: 94,000 of 100,000 articles).
Reading its ids from the full-text index cost 5-10 ms a search, twice for
the relevance order (every hit, then the headline hits). Here a word's hits
and headline hits are read in one statement (with the query's other new
words), once, then brought up to date by re-checking only the articles
changed since (a whole read again after a rebuild or a large import), and kept
as two bitmaps over the columns' positions; a query is then bitwise and/or
of its words' bitmaps, whatever the number of hits. Words that must all be
in a hit (青岛 直播; or an alternative's) none of which is kept are read as
one term (the index intersects them: fewer ids to read), and kept as such.

Only public articles are kept (columns.public is applied first): no draft's
id is in any copy. A word's bitmaps belong to one Columns (its version), and
a process gets new Columns for every new generation; the generation is
bumped by every write of the index and of the facet entries
(search.services), in its transaction, and by every delete of an article
(search.receivers). A word read for an earlier Columns is brought forward
when a query next needs it: the index is asked about the ids changed since
(Columns.changed_since: every index write rewrites its facet entries, so
these are all the articles whose words may differ), and the new columns'
public status is applied again, so a story taken down, deleted or joined to
a 转版 leaves at once and a newly public one comes in. A word too far behind
(or after a whole read of the columns) is read again. A bitmap is an eighth of a byte an
article (12.5 kB at 100,000); the least recently used words go past
MAX_BYTES. A query's facet counts are kept the same way (remembered()).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import reduce
from operator import and_, or_

import numpy as np

from search.columns import Columns

MAX_BYTES = 32 * 2**20  # per process and database
MAX_QUERIES = 256  # remembered()

_lock = threading.Lock()
# (database, backend) -> term (words, all in each hit) -> (Columns.version, its len(ids), (hits, headline hits) bitmaps)
_copies: dict[tuple[str, str], OrderedDict] = {}
_queries: dict[str, tuple[Columns, OrderedDict]] = {}  # database -> (columns, key -> dict)


def matching(columns: Columns, backend, groups, *, using: str = "default") -> tuple[np.ndarray, np.ndarray]:
    """Masks over columns' positions: the public articles matching every group (any of
    its alternatives, each all of its words), and those matching in their headline."""
    # The words of the groups with one alternative are all in every hit: one conjunction
    # (its words in order: a term kept for 青岛 直播 serves 直播 青岛).
    required = tuple(sorted({w for group in groups if len(group) == 1 for w in group[0]}))
    either = [[tuple(sorted(set(option))) for option in group] for group in groups if len(group) > 1]
    conjunctions = list(dict.fromkeys(([required] if required else []) + [o for group in either for o in group]))
    found = _bitmaps(columns, backend, conjunctions, using)

    def combined(which: int) -> np.ndarray:  # on the packed bitmaps: an eighth of the bytes
        parts = ([found[required][which]] if required else []) + [
            reduce(or_, (found[option][which] for option in group)) for group in either]
        return np.unpackbits(reduce(and_, parts), count=len(columns.ids)).view(np.bool_)

    return combined(0), combined(1)


def remembered(columns: Columns, key, *, using: str = "default") -> dict:
    """A dict for key (a query) that lasts as long as these columns, for what is
    computed from its hits and the columns alone (its facet counts); the
    MAX_QUERIES most recently used are kept."""
    with _lock:
        seen = _queries.get(using)
        if seen is None or seen[0] is not columns:
            seen = _queries[using] = (columns, OrderedDict())
        kept = seen[1]
        if key in kept:
            kept.move_to_end(key)
        else:
            kept[key] = {}
            if len(kept) > MAX_QUERIES:
                kept.popitem(last=False)
        return kept[key]


def forget() -> None:
    """Drop every copy (tests: each test's database is another history)."""
    with _lock:
        _copies.clear()
        _queries.clear()


def _bitmaps(columns: Columns, backend, options: list[tuple[str, ...]],
             using: str) -> dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]]:
    """Each conjunction's (hits, headline hits) bitmaps, from the kept terms: single words, and
    the conjunctions whose words were all unread, which the index intersected in one read."""
    key = (using, backend.vendor)
    asked = list(dict.fromkeys([(w,) for o in options for w in o] + [o for o in options if len(o) > 1]))
    with _lock:
        kept = _copies.setdefault(key, OrderedDict())
        seen = {t: kept[t] for t in asked if t in kept and columns.changed_since(kept[t][0]) is not None}
    # A conjunction whose words are all unread is read as one term: the index's
    # intersection is fewer ids than its words' (青岛 直播: 38,000, not 94,000 + 38,000).
    terms = {o: [o] if o in seen or (len(o) > 1 and not any((w,) in seen for w in o)) else [(w,) for w in o]
             for o in options}
    needed = list(dict.fromkeys(t for ts in terms.values() for t in ts))
    found, behind = {}, {}
    for term in needed:
        if term in seen:
            version, n, bitmaps = seen[term]
            if version == columns.version:
                found[term] = bitmaps
            else:
                behind[term] = (n, bitmaps, columns.changed_since(version)[1])
    if behind:
        changed = reduce(np.union1d, (ids for _, _, ids in behind.values()))
        for term, now in zip(behind, backend.word_ids(list(behind), among=changed, using=using)):
            n, bitmaps, _ = behind[term]
            found[term] = tuple(_forward(columns, bitmap, n, changed, ids) for bitmap, ids in zip(bitmaps, now))
    missing = [t for t in needed if t not in found]
    for term, (ids, headline_ids) in zip(missing, backend.word_ids(missing, using=using) if missing else ()):
        found[term] = (_bitmap(columns, ids), _bitmap(columns, headline_ids))
    with _lock:
        kept = _copies.setdefault(key, OrderedDict())
        for term in needed:
            # A thread with older columns than another's may put its own back,
            # which costs bringing it forward again, never a wrong hit.
            kept[term] = (columns.version, len(columns.ids), found[term])
            kept.move_to_end(term)
        size = 2 * ((len(columns.ids) + 7) // 8)
        while len(kept) * size > MAX_BYTES and len(kept) > 1:
            kept.popitem(last=False)
    return {o: tuple(reduce(and_, (found[t][which] for t in terms[o])) for which in (0, 1)) for o in options}


def _forward(columns: Columns, bitmap: np.ndarray, n: int, changed: np.ndarray, matching: np.ndarray) -> np.ndarray:
    """A bitmap over an earlier copy's n positions, over these columns: the changed ids as the index has
    them now (matching: those of them with the word), and every article as public as it is now."""
    mask = np.zeros(len(columns.ids), dtype=np.bool_)
    mask[:n] = np.unpackbits(bitmap, count=n).view(np.bool_)
    mask[columns.positions(changed)] = False
    mask[columns.positions(matching)] = True
    return np.packbits(mask & columns.public)


def _bitmap(columns: Columns, ids: np.ndarray) -> np.ndarray:
    mask = np.zeros(len(columns.ids), dtype=np.bool_)
    mask[columns.positions(ids)] = True
    return np.packbits(mask & columns.public)
