"""api.selectors: the reads stay on the indexes that keep them fast in a large archive (SQLite's plans)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection

from api import selectors
from articles.models import Article, Publication

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plans, chosen without ANALYZE statistics"),
]


def test_changes_walk_the_updated_at_index_from_since():
    plan = selectors.changes_since(datetime(2026, 1, 1, tzinfo=UTC)).updated[:20].explain()
    assert "article_updated_at (updated_at>?)" in plan and "TEMP B-TREE" not in plan


def test_published_lists_are_not_read_from_the_jumped_parts_index():
    # continuation_of IS NULL holds for nearly every article: that index must not answer it.
    assert "continuation_of" not in Article.objects.published().newest_first()[:20].explain()
    plan = Article.objects.filter(continuation_of=1).explain()
    assert "article_continuation_of" in plan  # the later parts of a story are still found by it


def test_issues_are_found_from_their_pages():
    publication = Publication.objects.create(name="青岛日报", slug="qingdao-ribao")
    plan = selectors.publication_issues(publication=publication)[:20].explain()
    assert "articles_sourcepage_issue_id" in plan and "articles_article_source_page_id" in plan
