"""PostgreSQL: a weighted tsvector over the segmented words, with a GIN index.

The migration adds `search_vector` to search_indexentry as a generated column
(title words weight A, body words weight B) using the `simple` configuration:
no stemming or stop words, so a Chinese word is one lexeme as segmented.
plainto_tsquery ANDs the words and reads no operators, so nothing a reader
types is tsquery syntax.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL


class SearchBackend:
    vendor = "postgresql"

    def filter(self, queryset: QuerySet, tokens: list[str]) -> QuerySet:
        matching = RawSQL(
            "SELECT article_id FROM search_indexentry "
            "WHERE search_vector @@ plainto_tsquery('simple'::regconfig, %s)",
            [" ".join(tokens)],
        )
        return queryset.filter(pk__in=matching)
