"""The index follows the articles: imports, edits, deletes and full rebuilds."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.models import Article
from articles.signals import articles_changed
from search.models import IndexEntry
from search.selectors import search_filter
from search.services import rebuild_index

pytestmark = pytest.mark.django_db


def found(query: str) -> set[int]:
    return set(search_filter(Article.objects.all(), query).values_list("pk", flat=True))


def test_articles_changed_reindexes(make_article):
    article = make_article(title="平度葡萄节")
    assert found("平度") == set()  # saved, but nobody said it changed yet
    articles_changed.send(sender=Article, article_ids=[article.pk])
    assert found("平度") == {article.pk}
    Article.objects.filter(pk=article.pk).update(title="莱西葡萄节")
    articles_changed.send(sender=Article, article_ids=[article.pk])
    assert found("平度") == set()
    assert found("莱西") == {article.pk}


def test_deleted_articles_leave_the_index(make_article):
    article = make_article(title="平度葡萄节")
    articles_changed.send(sender=Article, article_ids=[article.pk])
    article.delete()
    assert not IndexEntry.objects.exists()
    assert found("平度") == set()


def test_rebuild_indexes_everything(make_article):
    first = make_article(title="崂山区茶叶", status=Article.Status.PUBLISHED, published_at=timezone.now())
    second = make_article(title="崂山区旅游")
    assert rebuild_index(batch_size=1) == 2
    assert found("崂山区") == {first.pk, second.pk}


def test_rebuild_command(make_article, capsys):
    make_article(title="西海岸新区")
    call_command("rebuild_search_index")
    assert "已为 1 篇稿件建立索引" in capsys.readouterr().out
    assert len(found("西海岸新区")) == 1
