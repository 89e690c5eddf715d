"""PostgreSQL: a weighted tsvector over the segmented words, with a GIN index.

The migration adds `search_vector` to search_indexentry as a generated column
(title words weight A, body words weight B) using the `simple` configuration:
no stemming or stop words, so a Chinese word is one lexeme as segmented.
plainto_tsquery ANDs the words of an alternative and reads no operators, so
nothing a reader types is tsquery syntax; alternatives are joined with ||
and groups with && between those tsqueries.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


class SearchBackend:
    vendor = "postgresql"

    def filter(self, queryset: QuerySet, groups) -> QuerySet:
        one = "plainto_tsquery('simple'::regconfig, %s)"
        tsquery = " && ".join("(" + " || ".join(one for _ in group) + ")" for group in groups)
        matching = RawSQL(
            f"SELECT article_id FROM search_indexentry WHERE search_vector @@ ({tsquery})",
            [" ".join(option) for group in groups for option in group],
        )
        return queryset.filter(pk__in=matching)
