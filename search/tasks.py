"""Search indexing of large batches as background work (Django's Tasks framework).

A few articles (an edit, one imported page) are indexed at once, so search
finds them as soon as they are saved; a larger batch (a bulk action, a
re-import of many pages announced together) goes to a worker in tasks of
BATCH_SIZE ids.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.tasks import TaskResult, task

from search.services import index_articles

BATCH_SIZE = 500


@task
def index_articles_task(article_ids: list[int]) -> int:
    """(Re)index these articles; returns how many were found."""
    return index_articles(article_ids=article_ids)


def enqueue_indexing(article_ids: Iterable[int], *, batch_size: int = BATCH_SIZE) -> list[TaskResult]:
    ids = list(dict.fromkeys(article_ids))
    return [index_articles_task.enqueue(ids[i: i + batch_size]) for i in range(0, len(ids), batch_size)]
