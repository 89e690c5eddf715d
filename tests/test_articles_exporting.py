"""articles.exporting: the export shape, entities and related articles, in constant queries."""

from __future__ import annotations

import pytest
from django.utils import timezone

from articles.exporting import article_export
from articles.models import Article
from editorial.exports import articles_for_export
from linking.models import Entity, Mention, RelatedLink

pytestmark = pytest.mark.django_db


@pytest.fixture
def linked(published_article, make_article):
    west = Entity.objects.create(name="西海岸新区", kind="place", slug="xihaianxinqu")
    port = Entity.objects.create(name="青岛港", kind="organisation", slug="qingdaogang")
    Mention.objects.create(article=published_article, entity=port, forms=["青岛港"], position=1)
    Mention.objects.create(article=published_article, entity=west, forms=["黄岛区"], position=0)
    shown = make_article(title="相关稿件", status=Article.Status.PUBLISHED, published_at=timezone.now())
    hidden = make_article(title="草稿")
    RelatedLink.objects.create(source=published_article, target=shown, status=RelatedLink.Status.ACCEPTED)
    RelatedLink.objects.create(source=published_article, target=hidden, status=RelatedLink.Status.PINNED)
    return published_article, shown


def export_of(article: Article) -> dict:
    return article_export(articles_for_export().get(pk=article.pk))


def test_export_names_entities_in_order_of_mention(linked):
    article, _ = linked
    assert export_of(article)["entities"] == [
        {"name": "西海岸新区", "type": "place", "url": "/entities/xihaianxinqu/"},
        {"name": "青岛港", "type": "organisation", "url": "/entities/qingdaogang/"},
    ]


def test_export_lists_the_related_articles_the_page_shows(linked):
    article, shown = linked
    assert export_of(article)["related"] == [shown.get_absolute_url()]


def test_export_queries_do_not_grow_with_articles(linked, make_article, django_assert_num_queries):
    with django_assert_num_queries(6):  # articles, then bylines, continued parts, tags, mentions, related links
        first = [article_export(a) for a in articles_for_export()]
    for i in range(5):
        make_article(title=f"又一篇{i}")
    with django_assert_num_queries(6):
        more = [article_export(a) for a in articles_for_export()]
    assert len(more) == len(first) + 5
