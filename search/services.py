"""Writes for search: keeping the index in step with the articles."""

from __future__ import annotations

import random
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import F

from articles.models import Article
from search.analysis import index_text
from search.models import FacetEntry, IndexEntry, IndexGeneration

SEARCHED_FIELDS = ("kicker", "title", "subtitle", "body", "dateline")


def index_entry(article: Article) -> IndexEntry:
    """The index row for one article (unsaved)."""
    return IndexEntry(
        article_id=article.pk,
        title=index_text(article.kicker, article.title, article.subtitle),
        body=index_text(article.body, article.dateline),
    )


@transaction.atomic
def index_articles(*, article_ids: Iterable[int]) -> int:
    """(Re)index these articles, whatever their status; ids of deleted articles are skipped."""
    ids = list(article_ids)
    entries = [index_entry(a) for a in Article.objects.filter(pk__in=ids).only("pk", *SEARCHED_FIELDS)]
    # Delete and insert rather than update: one statement each, and the
    # SQLite triggers then keep the FTS table in step.
    IndexEntry.objects.filter(article_id__in=ids).delete()
    IndexEntry.objects.bulk_create(entries)
    refresh_facets(article_ids=ids)
    return len(entries)


# One statement whatever the batch: no article is loaded into Python. The
# status test is Article.published_q() (published or corrected, and not the
# later part of a story printed in two), written in SQL.
FACETS_SQL = """
INSERT INTO search_facetentry
    (article_id, generation, public, published_at, publication_id, edition_date, page, section_id, column_id)
SELECT a.id, %s, (a.status IN ({statuses}) AND a.continuation_of_id IS NULL), a.published_at,
       i.publication_id, p.edition_date, p.number, a.section_id, a.column_id
FROM articles_article a
JOIN articles_sourcepage p ON p.id = a.source_page_id
LEFT JOIN articles_issue i ON i.id = p.issue_id
WHERE a.id IN ({ids})
"""


@transaction.atomic
def refresh_facets(*, article_ids: Iterable[int], chunk_size: int = 500) -> None:
    """Copy these articles' facet keys and status into their facet entries again.

    Cheap (no segmentation), so it runs at once for any batch: a story taken
    down leaves the readers' hits, counts and facets at once, even when its
    index row is left to a worker.
    """
    ids = list(dict.fromkeys(article_ids))
    if not ids:
        return
    generation = _next_generation()
    FacetEntry.objects.filter(article_id__in=ids).delete()
    statuses = ", ".join(["%s"] * len(Article.PUBLIC_STATUSES))
    with connection.cursor() as cursor:
        for i in range(0, len(ids), chunk_size):
            chunk = ids[i:i + chunk_size]
            sql = FACETS_SQL.format(statuses=statuses, ids=", ".join(["%s"] * len(chunk)))
            cursor.execute(sql, [generation, *Article.PUBLIC_STATUSES, *chunk])


def note_removal() -> None:
    """Articles are being deleted (their index and facet rows go by cascade): a new
    generation, in the delete's transaction, after which every process's copies
    (search.columns, search.hitsets) leave out what is gone."""
    _next_generation(removed=True)


def _next_generation(*, removed: bool = False) -> int:
    # The UPDATE takes the row's lock until commit, so generations are
    # committed in order: a reader that has seen generation n has every row
    # written before it (search.columns reads only the rows after n).
    stamp = random.getrandbits(62)
    marks = {"removed": F("value") + 1} if removed else {}
    if not IndexGeneration.objects.filter(pk=1).update(value=F("value") + 1, stamp=stamp, **marks):
        IndexGeneration.objects.create(pk=1, value=1, stamp=stamp, removed=1 if removed else 0)
    return IndexGeneration.objects.get(pk=1).value


def rebuild_index(*, batch_size: int = 500) -> int:
    """Index every article again, one transaction per batch. Each batch replaces its
    own entries, so search keeps answering while the rebuild runs."""
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    return sum(index_articles(article_ids=ids[i:i + batch_size]) for i in range(0, len(ids), batch_size))
