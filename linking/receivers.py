"""Reactions to articles changing: their tags, entities, suggestions and duplicates follow.

articles_changed arrives after the write committed; the receiver only
enqueues the work (linking.tasks), so an edit or an import never waits for jieba.
"""

from __future__ import annotations

from django.db import transaction

from linking.tasks import enqueue_linking


def relink_changed_articles(sender, article_ids, **kwargs) -> None:
    # Already after commit; on_commit again in case a sender is inside a
    # transaction of its own (it runs at once otherwise), so a worker never
    # picks up a task for rows it cannot see yet.
    ids = list(article_ids)
    transaction.on_commit(lambda: enqueue_linking(ids))
