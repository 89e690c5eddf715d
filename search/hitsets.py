"""Which public articles each query word is in: bitmaps per process, one set per generation.

A common word is in most of the archive (青岛: 94,000 of 100,000 articles).
Reading its ids from the full-text index cost 5-10 ms a search, twice for
the relevance order (every hit, then the headline hits). Here a word's hits
and headline hits are read in one statement (with the query's other new
words), once per generation of the facet entries (search.columns), and kept
as two bitmaps over the columns' positions; a query is then bitwise and/or
of its words' bitmaps, whatever the number of hits.

Only public articles are kept (columns.public is applied first): no draft's
id is in any copy. The bitmaps belong to one Columns, and a process gets new
Columns for every new generation; the generation is bumped by every write of
the index and of the facet entries (search.services), in its transaction,
and by every delete of an article (search.receivers), so a copy is never
used past the state it was read in. A bitmap is an eighth of a byte an
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
_copies: dict[tuple[str, str], tuple[Columns, OrderedDict]] = {}  # (database, backend) -> (columns, word -> bitmaps)
_queries: dict[str, tuple[Columns, OrderedDict]] = {}  # database -> (columns, key -> dict)


def matching(columns: Columns, backend, groups, *, using: str = "default") -> tuple[np.ndarray, np.ndarray]:
    """Masks over columns' positions: the public articles matching every group (any of
    its alternatives, each all of its words), and those matching in their headline."""
    words = list(dict.fromkeys(w for group in groups for option in group for w in option))
    found = _bitmaps(columns, backend, words, using)
    n = len(columns.ids)

    def combined(which: int) -> np.ndarray:
        masks = {w: np.unpackbits(found[w][which], count=n).view(np.bool_) for w in words}
        return reduce(and_, (reduce(or_, (reduce(and_, (masks[w] for w in option)) for option in group))
                             for group in groups))

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


def _bitmaps(columns: Columns, backend, words: list[str], using: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    key = (using, backend.vendor)
    with _lock:
        seen = _copies.get(key)
        kept = seen[1] if seen is not None and seen[0] is columns else OrderedDict()
        found = {w: kept[w] for w in words if w in kept}
        for w in found:
            kept.move_to_end(w)
    missing = [w for w in words if w not in found]
    if not missing:
        return found
    for word, (ids, headline_ids) in zip(missing, backend.word_ids(missing, using=using)):
        found[word] = (_bitmap(columns, ids), _bitmap(columns, headline_ids))
    with _lock:
        current = _copies.get(key)
        if current is None or current[0] is not columns:
            # Another generation's words, or none: a thread with older columns than
            # another's may put its own back, which costs a read, never a wrong hit.
            current = (columns, OrderedDict())
            _copies[key] = current
        kept = current[1]
        for w in missing:
            kept[w] = found[w]
        size = 2 * ((len(columns.ids) + 7) // 8)
        while len(kept) * size > MAX_BYTES and len(kept) > 1:
            kept.popitem(last=False)
    return found


def _bitmap(columns: Columns, ids: np.ndarray) -> np.ndarray:
    mask = np.zeros(len(columns.ids), dtype=np.bool_)
    mask[columns.positions(ids)] = True
    return np.packbits(mask & columns.public)
