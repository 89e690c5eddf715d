"""Keeping the search index current.

articles_changed arrives after an import or an editorial change has been
committed; deleted articles leave the index by cascade.
"""

from __future__ import annotations

from search.services import index_articles


def reindex(sender, *, article_ids, **kwargs) -> None:
    index_articles(article_ids=article_ids)
