"""PostgreSQL: a weighted tsvector over the segmented words, with a GIN index.

The migration adds `search_vector` to search_indexentry as a generated column
(title words weight A, body words weight B) using the `simple` configuration:
no stemming or stop words, so a Chinese word is one lexeme as segmented.
plainto_tsquery ANDs the words of an alternative and reads no operators, so
nothing a reader types is tsquery syntax; alternatives are joined with ||
and groups with && between those tsqueries (filter(), the editors' search).
Readers' search reads each word's hits on its own, or an alternative's (word_ids,
for search.hitsets); headline hits (for ranking) use a GIN index of the headline
words alone (migration 0003).
"""

from __future__ import annotations

from contextlib import contextmanager, nullcontext

import numpy as np
from django.db import connections, transaction
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from search.backends import ids_from_text


class SearchBackend:
    vendor = "postgresql"

    def filter(self, queryset: QuerySet, groups) -> QuerySet:
        tsquery, params = _tsquery(groups)
        matching = RawSQL(f"SELECT article_id FROM search_indexentry WHERE search_vector @@ ({tsquery})", params)
        return queryset.filter(pk__in=matching)

    def word_ids(self, terms, *, among: np.ndarray | None = None,
                 using: str = "default") -> list[tuple[np.ndarray, np.ndarray]]:
        """Per term (a tuple of words): the ids of every article (any status; or of those among
        these ids) with all its words, and of those with them in its headline words, all in one
        statement (search.hitsets keeps them per term)."""
        words = [" ".join(t) for t in terms]  # plainto_tsquery ANDs them
        if among is None:
            # The tsquery in a subquery: the planner then cannot see that a
            # word is in most rows, so it keeps to the GIN index instead of
            # scanning the table, which unpacks every stored tsvector (0.5 s
            # at 100,000 articles; the index answers in a tenth of that).
            part = ("(SELECT string_agg(article_id::text, ',') FROM search_indexentry"
                    " WHERE {} @@ (SELECT plainto_tsquery('simple'::regconfig, %s)))")
            params = [w for w in words for _ in range(2)]
        else:  # a few rows by primary key, each one's vector tested: no GIN index read
            part = ("(SELECT string_agg(article_id::text, ',') FROM search_indexentry"
                    " WHERE article_id = ANY(%s) AND {} @@ plainto_tsquery('simple'::regconfig, %s))")
            params = [p for w in words for _ in range(2) for p in (among.tolist(), w)]
        columns = ", ".join(f"{part.format('search_vector')}, {part.format(HEADLINE_VECTOR)}" for _ in terms)
        connection = connections[using]
        with _on_the_index(connection) if among is None else nullcontext(), connection.cursor() as cursor:
            # One string per set, not a row per hit.
            cursor.execute(f"SELECT {columns}", params)
            found = [ids_from_text(f) for f in cursor.fetchone()]
        return list(zip(found[::2], found[1::2]))


HEADLINE_VECTOR = "to_tsvector('simple'::regconfig, title)"  # the expression of the headline GIN index


@contextmanager
def _on_the_index(connection):
    """No sequential scan in this transaction. Edits wait in the GIN indexes' pending lists
    (fastupdate) until 4 MB or a vacuum, and the planner counts those pages: after a few
    hundred edits (500 pages at 100,000 articles) it read a word by a sequential scan of
    every stored tsvector, 1,289 ms instead of 18 ms. (A shorter gin_pending_list_limit
    kept the plan but doubled an edit's index write.)"""
    if connection.in_atomic_block:  # a SET LOCAL would outlast this read
        yield
        return
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def _tsquery(groups) -> tuple[str, list[str]]:
    one = "plainto_tsquery('simple'::regconfig, %s)"
    tsquery = " && ".join("(" + " || ".join(one for _ in group) + ")" for group in groups)
    return tsquery, [" ".join(option) for group in groups for option in group]
