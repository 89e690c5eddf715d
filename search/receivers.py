"""Keeping what readers see current: the search index and the cached public pages.

articles_changed arrives after an import or an editorial change has been
committed; deleted articles leave the index by cascade. Any saved or deleted
row the public pages show bumps the page-cache generation, which makes every
cached page stale at once.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from taggit.models import TaggedItem

from articles import pagecache
from articles.models import Article, Byline, Column, Reporter, Section, SourcePage
from articles.signals import articles_changed
from search.services import index_articles

SHOWN_MODELS = (Article, Byline, Column, Reporter, Section, SourcePage, TaggedItem)


def reindex(sender, *, article_ids, **kwargs) -> None:
    index_articles(article_ids=article_ids)
    pagecache.invalidate()


def invalidate_pages(sender, **kwargs) -> None:
    pagecache.invalidate()


def connect() -> None:
    articles_changed.connect(reindex, dispatch_uid="search.reindex")
    for model in SHOWN_MODELS:
        post_save.connect(invalidate_pages, sender=model, dispatch_uid=f"search.pages.save.{model.__name__}")
        post_delete.connect(invalidate_pages, sender=model, dispatch_uid=f"search.pages.delete.{model.__name__}")
