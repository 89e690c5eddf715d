"""SQLite: an FTS5 table over the segmented words (created by the migration).

`search_fts` is an external-content FTS5 table on search_indexentry, kept in
step by triggers, with rowid = article id. unicode61 splits on the spaces
between segmented words, so a Chinese word is one FTS token. Every query word
is a quoted FTS5 string (quotes doubled), so " * : ^ AND NEAR … are text;
the only operators are the ones written here: AND within an alternative and
between groups, OR between a group's alternatives. The headline-only match
is the same expression on `search_fts_title`, the headline words' own FTS5
table (search migration 0004): its doclists hold only headlines, where a
column filter on search_fts decodes every article with the word anywhere.
Readers' search reads each word's hits on its own, or an alternative's (word_ids, for search.hitsets).
"""

from __future__ import annotations

import numpy as np
from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from search.backends import ids_from_text


class SearchBackend:
    vendor = "sqlite"

    def filter(self, queryset: QuerySet, groups) -> QuerySet:
        matching = RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [_match(groups)])
        return queryset.filter(pk__in=matching)

    def word_ids(self, terms, *, among: np.ndarray | None = None,
                 using: str = "default") -> list[tuple[np.ndarray, np.ndarray]]:
        """Per term (a tuple of words): the ids of every article (any status; or of those among
        these ids) with all its words, and of those with them in the headline words, all in one
        statement (search.hitsets keeps them per term)."""
        # Among a few ids (integers, written out): FTS5 seeks each rowid in the doclists.
        only = "" if among is None else f" AND rowid IN ({', '.join(map(str, among.tolist())) or 'NULL'})"
        part = "(SELECT group_concat(rowid) FROM {0} WHERE {0} MATCH %s" + only + ")"
        columns = ", ".join(f"{part.format('search_fts')}, {part.format('search_fts_title')}" for _ in terms)
        with connections[using].cursor() as cursor:
            # One string per set, not a row per hit (ids_from_text).
            cursor.execute(f"SELECT {columns}", [" AND ".join(map(_quoted, t)) for t in terms for _ in range(2)])
            found = [ids_from_text(f) for f in cursor.fetchone()]
        return list(zip(found[::2], found[1::2]))


def _match(groups) -> str:
    return " AND ".join(
        "(" + " OR ".join("(" + " AND ".join(map(_quoted, option)) + ")" for option in group) + ")"
        for group in groups
    )


def _quoted(token: str) -> str:
    return '"{}"'.format(token.replace('"', '""'))
