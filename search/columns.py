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
A delete leaves no row to read, so after one (IndexGeneration.removed) the
ids still there are read too, and the others stop being public.

Each copy has a number (version) and, for the few copies before it, which
ids changed since (lineage: the fresh rows' ids and the deleted ones), so
search.hitsets can bring a word's bitmaps forward by asking the index about
those ids only. A copy read whole, or whose positions moved, has no lineage;
nor has one after more than MAX_CHANGED changed ids (a rebuild, an import).
"""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, replace

import numpy as np
from django.db import connections

from search.models import IndexGeneration

NO_DATE = np.iinfo(np.int32).min  # edition_date unknown: never inside a date range
NO_TIME = np.iinfo(np.int64).min  # published_at unknown: last, as NULLS LAST
_EPOCH = np.datetime64("1970-01-01", "D")
MAX_CHANGED = 2000  # ids in a lineage: above it, re-reading a word costs less than asking about each id
MAX_LINEAGE = 32  # earlier copies a copy knows its changes since


@dataclass(frozen=True)
class Columns:
    """Facet keys by position, ids ascending; 0 is "none" for every id-like key, the year and the page."""

    ids: np.ndarray  # int64 article ids, ascending
    public: np.ndarray  # bool
    published: np.ndarray  # int64 microseconds since 1970 of published_at, NO_TIME if none
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
    version: int = 0  # this process's number for this copy
    # (version, its len(ids), ids changed since) for earlier copies whose positions are a prefix of these
    lineage: tuple[tuple[int, int, np.ndarray], ...] = ()

    def changed_since(self, version: int) -> tuple[int, np.ndarray] | None:
        """(the number of ids then, the ids changed since) for an earlier copy, or None if too far back."""
        if version == self.version:
            return len(self.ids), np.empty(0, dtype=np.int64)
        return next(((n, ids) for v, n, ids in self.lineage if v == version), None)

    def positions(self, ids: np.ndarray) -> np.ndarray:
        """Positions of these article ids; ids without a facet entry are left out."""
        ids = ids[ids < len(self.at)]
        at = self.at[ids]
        return at[at >= 0]


_KEYS = ("ids", "public", "published", "publication", "day", "page", "section", "column")

_lock = threading.Lock()
_copies: dict[str, tuple[tuple[int, int, int], Columns]] = {}  # database alias -> ((generation, stamp, removed), columns)
_versions = itertools.count(1)


def current(using: str = "default") -> Columns:
    """The arrays as of the newest generation this connection sees."""
    with connections[using].cursor() as cursor:  # every search asks: plain SQL, no queryset to compile
        cursor.execute(f"SELECT value, stamp, removed FROM {IndexGeneration._meta.db_table} WHERE id = 1")
        row = tuple(cursor.fetchone() or (0, 0, 0))
    with _lock:
        seen = _copies.get(using)
        if seen is not None and seen[0] == row:
            return seen[1]
        if seen is not None and seen[0][0] < row[0]:
            old, gone = seen[1], np.empty(0, dtype=np.int64)
            if row[2] > seen[0][0]:  # articles deleted since: their rows are gone, so ask which are left
                old, gone = _hidden(old, _present(using))
            fresh, pairs = _read(using, after=seen[0][0])
            columns = _following(seen[1], _merged(old, fresh, pairs), np.union1d(fresh["ids"], gone))
        else:
            columns = replace(_columns(*_read(using, after=None)), version=next(_versions))
        _copies[using] = (row, columns)
        return columns


def forget() -> None:
    """Drop every copy (tests: each test's database is another history)."""
    with _lock:
        _copies.clear()


# Every key as an integer, computed by the database: 100,000 rows become
# arrays in one conversion, with no Python object made per row. published_at
# in microseconds since 1970 (exact, for ties), the edition date in days. On
# SQLite the seconds come from the text without its fraction: strftime reads
# the fraction in milliseconds and rounds, so .9995 s and later counted a
# second more, and a story ranked above the next one saved within that second.
_SELECT = {
    "sqlite": (
        "CAST(strftime('%%s', substr(published_at, 1, 19)) AS INTEGER) * 1000000"
        " + CAST(substr(published_at || '.000000', 21, 6) AS INTEGER)",
        "CAST(julianday(edition_date) - 2440587.5 AS INTEGER)",
    ),
    "postgresql": ("(extract(epoch FROM published_at) * 1000000)::bigint", "edition_date - DATE '1970-01-01'"),
}


def _read(using: str, *, after: int | None) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Facet entries (of the generations after `after`, or all) and their articles' (article, reporter) pairs."""
    connection = connections[using]
    microseconds, days = _SELECT[connection.vendor]
    where, params = ("", []) if after is None else (" WHERE generation > %s", [after])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT article_id, CASE WHEN public THEN 1 ELSE 0 END, COALESCE({microseconds}, {NO_TIME}),"
            f" COALESCE(publication_id, 0), COALESCE({days}, {NO_DATE}), COALESCE(page, 0),"
            f" COALESCE(section_id, 0), COALESCE(column_id, 0) FROM search_facetentry{where}", params)
        rows = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, len(_KEYS))
        if after is None:
            cursor.execute("SELECT article_id, reporter_id FROM articles_byline")
            pairs = cursor.fetchall()
        else:
            pairs, ids = [], rows[:, 0].tolist()
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                cursor.execute("SELECT article_id, reporter_id FROM articles_byline"
                               f" WHERE article_id IN ({', '.join(['%s'] * len(chunk))})", chunk)
                pairs.extend(cursor.fetchall())
    types = {"public": np.bool_, "day": np.int32, "page": np.int32}
    arrays = {key: rows[:, i].astype(types.get(key, np.int64)) for i, key in enumerate(_KEYS)}
    return arrays, _distinct(np.array(pairs, dtype=np.int64).reshape(-1, 2))


def _present(using: str) -> np.ndarray:
    """The ids of every facet entry, in one string (100,000 in a few ms; reading the rows
    whole again took 0.3 s of CPU and seconds of wall time on a loaded machine)."""
    connection = connections[using]
    ids = "group_concat(article_id)" if connection.vendor == "sqlite" else "string_agg(article_id::text, ',')"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {ids} FROM search_facetentry")
        (found,) = cursor.fetchone()
    return np.fromstring(found, dtype=np.int64, sep=",") if found else np.empty(0, dtype=np.int64)


def _hidden(old: Columns, present: np.ndarray) -> tuple[Columns, np.ndarray]:
    """old, with the articles that have no facet entry any more (deleted) no longer public; and their ids."""
    gone = ~np.isin(old.ids, present)
    if not gone.any():
        return old, np.empty(0, dtype=np.int64)
    public = old.public.copy()
    public[gone] = False
    return replace(old, public=public), old.ids[gone]


def _following(old: Columns, new: Columns, changed: np.ndarray) -> Columns:
    """new, numbered, with the ids changed since old and since old's own predecessors."""
    lineage = []
    # New articles have higher ids, so positions only grow at the end; if not, nothing carries.
    if new.ids is old.ids or np.array_equal(new.ids[:len(old.ids)], old.ids):
        for version, n, since in ((old.version, len(old.ids), changed), *old.lineage):
            since = np.union1d(since, changed)
            if len(since) > MAX_CHANGED or len(lineage) == MAX_LINEAGE:
                break  # earlier copies changed by still more
            lineage.append((version, n, since))
    return replace(new, version=next(_versions), lineage=tuple(lineage))


def _distinct(pairs: np.ndarray) -> np.ndarray:
    # A reporter with two roles on one story is one byline for the reporter facet.
    # (Deduplicated here, not by SELECT DISTINCT: numpy sorts 200,000 pairs faster.)
    packed = np.unique((pairs[:, 0] << 32) | pairs[:, 1])
    return np.column_stack([packed >> 32, packed & 0xFFFFFFFF])


def _merged(old: Columns, fresh: dict[str, np.ndarray], pairs: np.ndarray) -> Columns:
    """old, with the fresh rows in place of the same articles' rows."""
    at = old.positions(fresh["ids"])
    if len(at) == len(fresh["ids"]) and np.array_equal(old.published[at], fresh["published"]):
        return _edited(old, at, fresh, pairs)
    keep = ~np.isin(old.ids, fresh["ids"])
    arrays = {k: np.concatenate([getattr(old, k)[keep], fresh[k]]) for k in _KEYS}
    old_pairs = np.column_stack([old.ids[old.byline_at], old.byline_reporter])
    old_pairs = old_pairs[~np.isin(old_pairs[:, 0], fresh["ids"])]
    return _columns(arrays, np.concatenate([old_pairs, pairs]))


def _edited(old: Columns, at: np.ndarray, fresh: dict[str, np.ndarray], pairs: np.ndarray) -> Columns:
    """An edit of known articles that keeps their times (the usual change): the
    order stands, so the keys are changed in place in copies, with no sort."""
    changed = {}
    for key in ("public", "publication", "day", "page", "section", "column"):
        changed[key] = getattr(old, key).copy()
        changed[key][at] = fresh[key]
    changed["year"] = old.year.copy()
    changed["year"][at] = _years(fresh["day"])
    old_pairs = np.isin(old.byline_at, at)
    new_pairs = np.column_stack([old.positions(pairs[:, 0]), pairs[:, 1]]) if len(pairs) else np.empty((0, 2), np.int64)
    same = np.column_stack([old.byline_at[old_pairs], old.byline_reporter[old_pairs]])
    if not np.array_equal(np.unique(same, axis=0), np.unique(new_pairs, axis=0)):
        byline_at = np.concatenate([old.byline_at[~old_pairs], new_pairs[:, 0]])
        reporters = np.concatenate([old.byline_reporter[~old_pairs], new_pairs[:, 1]])
        order = np.argsort(byline_at, kind="stable")
        changed.update(byline_at=byline_at[order], byline_reporter=reporters[order])
    return replace(old, **changed)


def _years(day: np.ndarray) -> np.ndarray:
    year = np.zeros(len(day), dtype=np.int32)
    known = day != NO_DATE
    year[known] = (_EPOCH + day[known]).astype("datetime64[Y]").astype(np.int32) + 1970
    return year


def _columns(arrays: dict[str, np.ndarray], pairs: np.ndarray) -> Columns:
    order = np.argsort(arrays["ids"], kind="stable")
    a = {k: v[order] for k, v in arrays.items()}
    ids, n = a["ids"], len(order)
    # published_at desc, nulls last, then id desc (lexsort sorts by its last key first).
    by_rank = np.lexsort((-ids, np.where(a["published"] == NO_TIME, np.iinfo(np.int64).max, -a["published"])))
    rank = np.empty(n, dtype=np.int64)
    rank[by_rank] = np.arange(n)
    year = _years(a["day"])
    at = np.searchsorted(ids, pairs[:, 0])
    inside = at < n
    inside[inside] = ids[at[inside]] == pairs[inside, 0]
    at, reporters = at[inside], pairs[inside, 1]
    by_at = np.argsort(at, kind="stable")
    lookup = np.full(int(ids[-1]) + 1 if n else 0, -1, dtype=np.int32)
    lookup[ids] = np.arange(n, dtype=np.int32)
    return Columns(rank=rank, year=year, byline_at=at[by_at], byline_reporter=reporters[by_at], at=lookup, **a)
