"""SQLite: an FTS5 table over the segmented words (created by the migration).

`search_fts` is an external-content FTS5 table on search_indexentry, kept in
step by triggers, with rowid = article id. unicode61 splits on the spaces
between segmented words, so a Chinese word is one FTS token. Every query word
is a quoted FTS5 string (quotes doubled), so " * : ^ AND NEAR … are text.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


class SearchBackend:
    vendor = "sqlite"

    def filter(self, queryset: QuerySet, tokens: list[str]) -> QuerySet:
        match = " AND ".join('"{}"'.format(token.replace('"', '""')) for token in tokens)
        matching = RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [match])
        return queryset.filter(pk__in=matching)
