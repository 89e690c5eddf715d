"""Reads for search: the same Chinese search for editors (any status) and readers (published).

A query is parsed into groups: every hit matches each group, by any one of
its alternatives, and an alternative is words that must all be in the hit.
A plain word is a group of one; a name the caller knows other names for
(黄岛区, also written 西海岸新区: public reads them from linking) is a group
of each name's words. Queries and the index are both in simplified
characters (text.scripts), so 青島 finds 青岛 and a traditional page is found
by either script.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import and_

import numpy as np
from django.db import connections
from django.db.models import QuerySet

from articles.models import Article, Column, Publication, Reporter, Section
from search import columns as columns_
from search import hitsets
from search.analysis import MAX_QUERY_LENGTH, query_tokens
from search.backends import get_backend
from search.backends.fallback import SearchBackend as SubstringBackend
from text.scripts import to_simplified, to_traditional

RELEVANCE = "relevance"  # headline hits first, then newest
DATE = "date"  # newest first
SORTS = (RELEVANCE, DATE)
MAX_ALTERNATIVES = 8  # names per group: an entity with many aliases keeps the SQL bounded
FACET_SIZE = 10  # values shown per facet, the most frequent
EPOCH_DAY = date(1970, 1, 1)  # search.columns counts edition dates in days since

Words = tuple[str, ...]


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[tuple[Words, ...], ...]
    substring: bool  # one-character words only: matched as substrings, not in the index

    @property
    def words(self) -> list[str]:
        """Every word of every alternative, once: what is highlighted."""
        return list(dict.fromkeys(w for group in self.groups for option in group for w in option))

    def __bool__(self) -> bool:
        return bool(self.groups)


@dataclass(frozen=True)
class SearchFilters:
    """What a reader narrows hits to; an empty field does not narrow."""

    publication: str = ""  # Publication.slug
    date_from: date | None = None  # edition dates, both ends included
    date_to: date | None = None
    page: int | None = None  # 版次 (SourcePage.number)
    section: str = ""  # slugs: the article's own section, as its facet counts it
    column: str = ""
    reporter: str = ""


NO_FILTERS = SearchFilters()
FACETS = ("publication", "year", "page", "section", "column", "reporter")


@dataclass(frozen=True)
class Facet:
    value: str  # as the filter takes it (a slug, a year, a page number)
    label: str
    count: int


def parse_query(query: str, *, alternatives: Mapping[str, Sequence[str]] | None = None) -> ParsedQuery:
    """Words of two or more characters go to the index; single characters
    (的, 区, A …) are dropped unless they are all the query has, in which
    case they are matched as substrings, so 岛 finds every article with 岛.

    alternatives: names in the query, each with the other names it may be
    found by ({"黄岛区": ["西海岸新区"]}); the longest name wins where two overlap.
    """
    query = to_simplified(query.strip()[:MAX_QUERY_LENGTH])
    names = {to_simplified(k): [to_simplified(v) for v in vs] for k, vs in (alternatives or {}).items() if k.strip()}
    name_groups: list[tuple[Words, ...]] = []
    rest = query
    if names:
        pattern = re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))
        for match in pattern.finditer(query):
            options = (_longer(query_tokens(name)) for name in dict.fromkeys([match.group(), *names[match.group()]]))
            group = tuple(dict.fromkeys(o for o in options if o))[:MAX_ALTERNATIVES]
            if group:
                name_groups.append(group)
        rest = pattern.sub(" ", query)  # a space: the words either side of a name stay apart
    tokens = query_tokens(rest)
    longer = _longer(tokens)
    if not longer and not name_groups:
        # Substrings are matched in the stored text, not the (simplified) index:
        # 岛 looks for 島 too, for pages printed in traditional characters.
        groups = tuple(tuple(dict.fromkeys([(t,), (to_traditional(t),)])) for t in tokens)
        return ParsedQuery(groups=groups, substring=True)
    return ParsedQuery(groups=tuple(((t,),) for t in longer) + tuple(name_groups), substring=False)


def _longer(tokens: Sequence[str]) -> Words:
    return tuple(t for t in tokens if len(t) > 1)


def _parsed(query: str | ParsedQuery) -> ParsedQuery:
    return query if isinstance(query, ParsedQuery) else parse_query(query)


def search_filter(queryset: QuerySet[Article], query: str | ParsedQuery) -> QuerySet[Article]:
    """Restrict queryset to the articles matching query (any status); nothing for an empty query."""
    parsed = _parsed(query)
    if not parsed:
        return queryset.none()
    backend = SubstringBackend() if parsed.substring else get_backend(connections[queryset.db])
    return backend.filter(queryset, parsed.groups)


class RankedHits:
    """The ids of every hit, best first, as a sequence Paginator can page:
    counted exactly, and only the rows up to the page asked for are put in order."""

    def __init__(self, ids: np.ndarray, key: np.ndarray):
        self._ids, self._key = ids, key

    def __len__(self) -> int:
        return len(self._ids)

    def count(self) -> int:
        return len(self._ids)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            at = range(len(self._ids))[index]  # IndexError out of range, as a list
            return self[at:at + 1][0]
        start, stop, step = index.indices(len(self._ids))
        if start >= stop:
            return []
        if stop < len(self._ids):
            first = np.argpartition(self._key, stop - 1)[:stop]
            order = first[np.argsort(self._key[first], kind="stable")]
        else:
            order = np.argsort(self._key, kind="stable")
        return self._ids[order[start:stop:step]].tolist()


@dataclass(frozen=True)
class SearchResults:
    """One query's published hits: the ranked ids, and their facet counts on demand."""

    hits: RankedHits
    columns: columns_.Columns | None = None
    matched: np.ndarray | None = None  # positions (into columns) of every published hit, before filters
    passes: Mapping[str, np.ndarray] | None = None  # per filtered facet: which of `matched` it lets through

    remembered: dict | None = None  # lasts as long as the columns: set for a query without filters

    def facets(self) -> dict[str, list[Facet]]:
        """How many hits each publication, year, page, section, column and reporter has.
        Each facet is counted under the other facets' filters, not its own, so it
        still offers its other values once one is chosen."""
        if self.columns is None:
            return {}
        if self.remembered is None:
            counts = self._counts()
        elif "facets" in self.remembered:  # a common word's six counts took 2 ms
            counts = self.remembered["facets"]
        else:
            counts = self.remembered["facets"] = self._counts()
        labels = _labels({name: list(values) for name, values in counts.items() if name in LABELLED})
        return {name: _top(name, counts[name], labels) for name in FACETS}

    def _counts(self) -> dict[str, dict[int, int]]:
        """Per facet, the hits of each value that may be shown (see _candidates)."""
        c = self.columns
        counts = {}
        for name in FACETS:
            others = [ok for facet, ok in self.passes.items() if facet != name]
            among = self.matched[reduce(and_, others)] if others else self.matched
            if name == "reporter":
                chosen = np.zeros(len(c.ids), dtype=np.bool_)
                chosen[among] = True
                values = c.byline_reporter[chosen[c.byline_at]]
            else:
                values = getattr(c, name)[among]
            found = np.bincount(values) if len(values) else np.zeros(1, dtype=np.int64)
            found[0] = 0  # "none": no section, no page number …
            counts[name] = {v: int(found[v]) for v in _candidates(name, found)}
        return counts


EMPTY = SearchResults(hits=RankedHits(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)))


def search_results(
    query: str | ParsedQuery, *, filters: SearchFilters = NO_FILTERS, sort: str = RELEVANCE
) -> SearchResults:
    """Every published article matching query and filters, best first (headline
    hits, then newest; or newest first), counted exactly, with facet counts.

    Each word's public hits and headline hits are read from the full-text
    index once per generation (search.hitsets); the query, filters, order and
    facets are then array operations over them and the facet keys
    (search.columns), whatever the number of hits.
    """
    parsed = _parsed(query)
    if not parsed:
        return EMPTY
    backend = SubstringBackend() if parsed.substring else get_backend(connections["default"])
    columns = columns_.current()
    public, in_headline = hitsets.matching(columns, backend, parsed.groups)
    matched = np.flatnonzero(public)
    passes = _passes(columns, matched, filters)
    hits = matched[reduce(and_, passes.values())] if passes else matched
    key = columns.rank[hits]
    if sort != DATE:
        key = key + len(columns.ids) * ~in_headline[hits]
    remembered = None if passes else hitsets.remembered(columns, (backend.vendor, parsed.groups))
    return SearchResults(hits=RankedHits(columns.ids[hits], key), columns=columns, matched=matched, passes=passes,
                         remembered=remembered)


def search_ranked(
    query: str | ParsedQuery, *, filters: SearchFilters = NO_FILTERS, sort: str = RELEVANCE
) -> RankedHits:
    """Ids of every published article matching query and filters, best first (see search_results)."""
    return search_results(query, filters=filters, sort=sort).hits


def _passes(c: columns_.Columns, at: np.ndarray, f: SearchFilters) -> dict[str, np.ndarray]:
    """For each facet a filter narrows: which of the hits at these positions it lets through."""
    passes = {}
    if f.publication:
        passes["publication"] = c.publication[at] == _pk(Publication, f.publication)
    if f.date_from or f.date_to:
        day = c.day[at]
        ok = day != columns_.NO_DATE
        if f.date_from:
            ok &= day >= (f.date_from - EPOCH_DAY).days
        if f.date_to:
            ok &= day <= (f.date_to - EPOCH_DAY).days
        passes["year"] = ok
    if f.page is not None:
        passes["page"] = c.page[at] == (f.page if f.page > 0 else -1)  # 0 stands for "no page number"
    if f.section:
        passes["section"] = c.section[at] == _pk(Section, f.section)
    if f.column:
        passes["column"] = c.column[at] == _pk(Column, f.column)
    if f.reporter:
        bylined = np.zeros(len(c.ids), dtype=np.bool_)
        bylined[c.byline_at[c.byline_reporter == _pk(Reporter, f.reporter)]] = True
        passes["reporter"] = bylined[at]
    return passes


def _pk(model, slug: str) -> int:
    return model.objects.filter(slug=slug).values_list("pk", flat=True).first() or -1  # -1: no row has it


LABELLED = {"publication": Publication, "section": Section, "column": Column, "reporter": Reporter}


def _candidates(name: str, counts: np.ndarray) -> list[int]:
    """The values that may be shown: the FACET_SIZE most frequent, and every value tied with the last of them."""
    values = np.flatnonzero(counts)
    if name == "year":  # the newest years, whatever their counts
        return sorted(values.tolist(), reverse=True)[:FACET_SIZE]
    if len(values) > FACET_SIZE:
        values = values[counts[values] >= np.sort(counts[values])[-FACET_SIZE]]
    return values.tolist()


def _labels(wanted: dict[str, list[int]]) -> dict[tuple[str, int], tuple[str, str]]:
    """(facet, pk) -> (slug, name) for the candidates of every labelled facet, in one query
    (in SQL: four querysets and their union took longer to compile than to run)."""
    parts, params = [], []
    for name, pks in wanted.items():
        if pks:
            parts.append(f"SELECT '{name}', id, slug, name FROM {LABELLED[name]._meta.db_table}"  # our own names
                         f" WHERE id IN ({', '.join(['%s'] * len(pks))})")
            params += pks
    if not parts:
        return {}
    with connections["default"].cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return {(facet, pk): (slug, label) for facet, pk, slug, label in cursor.fetchall()}


def _top(name: str, counts: dict[int, int], labels: dict) -> list[Facet]:
    """Up to FACET_SIZE Facets: the most frequent values first, ties by slug (pages by number; years newest first)."""
    values = list(counts)
    if name in ("year", "page"):
        ordered = values if name == "year" else sorted(values, key=lambda v: (-counts[v], v))
        return [Facet(str(v), str(v), int(counts[v])) for v in ordered[:FACET_SIZE]]
    found = [(v, *labels[name, v]) for v in values if (name, v) in labels]
    ordered = sorted(found, key=lambda row: (-counts[row[0]], row[1]))[:FACET_SIZE]
    return [Facet(slug, label, int(counts[pk])) for pk, slug, label in ordered]
