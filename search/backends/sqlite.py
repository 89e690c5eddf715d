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
"""

from __future__ import annotations

import numpy as np
from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


class SearchBackend:
    vendor = "sqlite"

    def filter(self, queryset: QuerySet, groups) -> QuerySet:
        matching = RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [_match(groups)])
        return queryset.filter(pk__in=matching)

    def ids(self, groups, *, using: str = "default", headline: bool = False) -> np.ndarray:
        """Ids of every article (any status) matching, or matching in its headline words."""
        table = "search_fts_title" if headline else "search_fts"
        with connections[using].cursor() as cursor:
            # One string, not a row per hit: 94,000 ids read in a few ms.
            cursor.execute(f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH %s", [_match(groups)])
            (found,) = cursor.fetchone()
        return np.fromstring(found, dtype=np.int64, sep=",") if found else np.empty(0, dtype=np.int64)


def _match(groups) -> str:
    return " AND ".join(
        "(" + " OR ".join("(" + " AND ".join(map(_quoted, option)) + ")" for option in group) + ")"
        for group in groups
    )


def _quoted(token: str) -> str:
    return '"{}"'.format(token.replace('"', '""'))
