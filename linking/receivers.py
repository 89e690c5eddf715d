"""Reactions to articles changing: their tags, entities, suggestions and duplicates follow."""

from __future__ import annotations

from linking.services.refresh import articles_link


def relink_changed_articles(sender, article_ids, **kwargs) -> None:
    articles_link(article_ids=article_ids)
