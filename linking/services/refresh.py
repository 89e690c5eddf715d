"""Everything linking derives from an article, brought up to date after it changed."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import transaction

from articles.models import Article
from linking.services.duplicates import duplicates_detect
from linking.services.extraction import articles_extract
from linking.services.related import suggestions_refresh
from linking.signals import links_changed

BATCH_SIZE = 50


def articles_link(*, article_ids: Iterable[int]) -> int:
    """Tags, mentions and profiles first: suggestions and duplicates are computed from them.

    One transaction for the batch: one commit (one fsync on SQLite) instead of one per article.
    """
    with transaction.atomic():
        found = articles_extract(article_ids=article_ids)
        suggestions_refresh(article_ids=found)
        duplicates_detect(article_ids=found)
    # Tags, mentions and links were bulk-written: no save signals fired.
    links_changed.send(sender=Article, article_ids=list(found))
    return len(found)


def all_articles_link(*, extract: bool = True, on_progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute for the whole archive in batches; with extract=False only the suggestions."""
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH_SIZE):
        batch = ids[start: start + BATCH_SIZE]
        if extract:
            articles_link(article_ids=batch)
        else:
            suggestions_refresh(article_ids=batch)
        if on_progress:
            on_progress(start + len(batch), len(ids))
    links_changed.send(sender=Article, article_ids=None)
    return len(ids)
