"""Keeping the search index current.

articles_changed arrives after an import or an editorial change has been
committed; deleted articles leave the index by cascade, and each delete
gives a new generation in its own transaction (removed), so no process keeps
a deleted article in its copies (search.columns, search.hitsets). Up to INLINE_MAX
articles are indexed at once (a few ms each: an edit is searchable as soon as
it is saved); a larger batch is enqueued for a worker (search.tasks), but
its facet entries (status, page, section …) are refreshed at once: cheap, and
a story taken down must leave readers' hits and counts at once.
"""

from __future__ import annotations

from django.db import transaction

from search.services import index_articles, note_removal, refresh_facets
from search.tasks import enqueue_indexing

INLINE_MAX = 50


def reindex(sender, *, article_ids, **kwargs) -> None:
    ids = list(article_ids)
    if len(ids) <= INLINE_MAX:
        index_articles(article_ids=ids)
    else:
        refresh_facets(article_ids=ids)
        transaction.on_commit(lambda: enqueue_indexing(ids))


def removed(sender, **kwargs) -> None:
    """pre_delete of Article: inside the delete's transaction, and before the
    cascade, so the generation's row is locked first, as every writer locks it."""
    note_removal()
