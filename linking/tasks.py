"""Linking as background work: tasks of Django's Tasks framework (settings.TASKS).

Extraction (jieba), related scoring and near-duplicate detection cost about
7-10 ms of CPU an article in a batch of 50, 11-14 ms in a page's task of six
(bench/link_bench.py): too slow for an editor's request or for an archive import,
so the receiver enqueues them and a worker (`manage.py db_worker`) runs them.
A task takes a list of ids and links them in one pass (one gazetteer, one
batch of writes); ids of articles deleted since are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.tasks import TaskResult, task

from linking.services.refresh import BATCH_SIZE, articles_link


@task
def link_articles(article_ids: list[int]) -> int:
    """Tags, entities, related suggestions and near-duplicates of these articles; returns how many were found."""
    return articles_link(article_ids=article_ids)


def enqueue_linking(article_ids: Iterable[int], *, batch_size: int = BATCH_SIZE) -> list[TaskResult]:
    """One task per batch_size ids (JSON arguments: a list of ints)."""
    ids = list(dict.fromkeys(article_ids))
    return [link_articles.enqueue(ids[i: i + batch_size]) for i in range(0, len(ids), batch_size)]
