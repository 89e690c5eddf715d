"""Writes for search: keeping the index in step with the articles."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from articles.models import Article
from search.analysis import index_text
from search.models import IndexEntry

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
    return len(entries)


def rebuild_index(*, batch_size: int = 500) -> int:
    """Index every article again, one transaction per batch. Each batch replaces its
    own entries, so search keeps answering while the rebuild runs."""
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    return sum(index_articles(article_ids=ids[i:i + batch_size]) for i in range(0, len(ids), batch_size))
