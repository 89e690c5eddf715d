"""Every article's facet keys as arrays in memory, one copy per process and database.

A common word is in most of the archive (青岛: 94,000 of 100,000 articles).
Counting its hits by publication, year, page, section, column and reporter
in SQL is one GROUP BY each over all of them (40 ms apiece on SQLite, more
on PostgreSQL); with the keys in numpy arrays, the full-text index gives the
matching ids (search.backends) and each facet is one bincount, under a
millisecond. The arrays are the facet entries (search.models.FacetEntry)
and the bylines: read whole the first time, then only the rows of a later
generation (IndexGeneration, one cheap read per search). A generation seen
again with another stamp (a rollback in between, as in tests) is read whole.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime

import numpy as np
from django.db import connections
from django.utils import timezone

from search.models import IndexGeneration

NO_DATE = np.iinfo(np.int32).min  # edition_date unknown: never inside a date range
_EPOCH = np.datetime64("1970-01-01", "D")


@dataclass(frozen=True)
class Columns:
    """Facet keys by position, ids ascending; 0 is "none" for every id-like key, the year and the page."""

    ids: np.ndarray  # int64 article ids, ascending
    public: np.ndarray  # bool
    published: np.ndarray  # float64 POSIX seconds of published_at, NaN if none
    rank: np.ndarray  # int64: place in (published_at desc nulls last, id desc) among all rows
    publication: np.ndarray  # int64
    day: np.ndarray  # int32 days since 1970-01-01 of the edition date, NO_DATE if none
    year: np.ndarray  # int32
    page: np.ndarray  # int32
    section: np.ndarray  # int64
    column: np.ndarray  # int64
    byline_at: np.ndarray  # int64 positions (into ids) of each (article, reporter) pair, ascending
    byline_reporter: np.ndarray  # int64 reporter ids

    at: np.ndarray  # int32 position of each id (index: the id), -1 where none: ids -> positions in one gather

    def positions(self, ids: np.ndarray) -> np.ndarray:
        """Positions of these article ids; ids without a facet entry are left out."""
        ids = ids[ids < len(self.at)]
        at = self.at[ids]
        return at[at >= 0]


_KEYS = ("ids", "public", "published", "publication", "day", "page", "section", "column")

_lock = threading.Lock()
_copies: dict[str, tuple[tuple[int, int], Columns]] = {}  # database alias -> ((generation, stamp), columns)


def current(using: str = "default") -> Columns:
    """The arrays as of the newest generation this connection sees."""
    row = IndexGeneration.objects.using(using).filter(pk=1).values_list("value", "stamp").first() or (0, 0)
    with _lock:
        seen = _copies.get(using)
        if seen is not None and seen[0] == row:
            return seen[1]
        if seen is not None and seen[0][0] < row[0]:
            columns = _merged(seen[1], *_read(using, after=seen[0][0]))
        else:
            columns = _columns(*_read(using, after=None))
        _copies[using] = (row, columns)
        return columns


def forget() -> None:
    """Drop every copy (tests: each test's database is another history)."""
    with _lock:
        _copies.clear()


def _read(using: str, *, after: int | None) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Facet entries (of the generations after `after`, or all) and their articles' (article, reporter) pairs."""
    where, params = ("", []) if after is None else (" WHERE generation > %s", [after])
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT article_id, public, published_at, publication_id, edition_date, page, section_id,"
                       f" column_id FROM search_facetentry{where}", params)
        rows = cursor.fetchall()
        if after is None:
            cursor.execute("SELECT DISTINCT article_id, reporter_id FROM articles_byline")
            pairs = cursor.fetchall()
        else:
            pairs, ids = [], [r[0] for r in rows]
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                cursor.execute("SELECT DISTINCT article_id, reporter_id FROM articles_byline"
                               f" WHERE article_id IN ({', '.join(['%s'] * len(chunk))})", chunk)
                pairs.extend(cursor.fetchall())
    n = len(rows)

    def key(i: int, dtype, convert=None) -> np.ndarray:
        values = (r[i] for r in rows)
        if convert is not None:
            values = map(convert, values)
        return np.fromiter(((0 if v is None else v) for v in values), dtype=dtype, count=n)

    arrays = {
        "ids": key(0, np.int64), "public": key(1, np.bool_), "published": key(2, np.float64, _seconds),
        "publication": key(3, np.int64), "day": key(4, np.int32, _day), "page": key(5, np.int32),
        "section": key(6, np.int64), "column": key(7, np.int64),
    }
    return arrays, np.array(pairs, dtype=np.int64).reshape(-1, 2)


def _merged(old: Columns, fresh: dict[str, np.ndarray], pairs: np.ndarray) -> Columns:
    """old, with the fresh rows in place of the same articles' rows."""
    keep = ~np.isin(old.ids, fresh["ids"])
    arrays = {k: np.concatenate([getattr(old, k)[keep], fresh[k]]) for k in _KEYS}
    old_pairs = np.column_stack([old.ids[old.byline_at], old.byline_reporter])
    old_pairs = old_pairs[~np.isin(old_pairs[:, 0], fresh["ids"])]
    return _columns(arrays, np.concatenate([old_pairs, pairs]))


def _columns(arrays: dict[str, np.ndarray], pairs: np.ndarray) -> Columns:
    order = np.argsort(arrays["ids"], kind="stable")
    a = {k: v[order] for k, v in arrays.items()}
    ids, n = a["ids"], len(order)
    # published_at desc, nulls last, then id desc (lexsort sorts by its last key first).
    by_rank = np.lexsort((-ids, np.where(np.isnan(a["published"]), np.inf, -a["published"])))
    rank = np.empty(n, dtype=np.int64)
    rank[by_rank] = np.arange(n)
    known = a["day"] != NO_DATE
    year = np.zeros(n, dtype=np.int32)
    year[known] = (_EPOCH + a["day"][known]).astype("datetime64[Y]").astype(np.int32) + 1970
    at = np.searchsorted(ids, pairs[:, 0])
    inside = at < n
    inside[inside] = ids[at[inside]] == pairs[inside, 0]
    at, reporters = at[inside], pairs[inside, 1]
    by_at = np.argsort(at, kind="stable")
    lookup = np.full(int(ids[-1]) + 1 if n else 0, -1, dtype=np.int32)
    lookup[ids] = np.arange(n, dtype=np.int32)
    return Columns(rank=rank, year=year, byline_at=at[by_at], byline_reporter=reporters[by_at], at=lookup, **a)


def _seconds(value) -> float:
    if value is None:
        return np.nan
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value.timestamp()


def _day(value) -> int:
    if value is None:
        return NO_DATE
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return (value - date(1970, 1, 1)).days
