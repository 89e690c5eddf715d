"""SQLite: an FTS5 table over the segmented words (created by the migration).

`search_fts` is an external-content FTS5 table on search_indexentry, kept in
step by triggers, with rowid = article id. unicode61 splits on the spaces
between segmented words, so a Chinese word is one FTS token. Every query word
is a quoted FTS5 string (quotes doubled), so " * : ^ AND NEAR … are text;
the only operators are the ones written here: AND within an alternative and
between groups, OR between a group's alternatives.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


class SearchBackend:
    vendor = "sqlite"

    def filter(self, queryset: QuerySet, groups) -> QuerySet:
        match = " AND ".join(
            "(" + " OR ".join("(" + " AND ".join(map(_quoted, option)) + ")" for option in group) + ")"
            for group in groups
        )
        matching = RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [match])
        return queryset.filter(pk__in=matching)


def _quoted(token: str) -> str:
    return '"{}"'.format(token.replace('"', '""'))
