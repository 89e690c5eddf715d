"""public.entities: the public entity page."""

from __future__ import annotations

import pytest
from django.utils import timezone

from articles.models import Article
from linking.models import Alias, Entity, Mention

pytestmark = pytest.mark.django_db


def test_entity_page_lists_published_articles_that_mention_it(client, make_article):
    entity = Entity.objects.create(name="西海岸新区", kind="place", slug="xihaianxinqu")
    Alias.objects.create(entity=entity, name="黄岛区")
    published = make_article(title="西海岸新区新建学校", status=Article.Status.PUBLISHED, published_at=timezone.now())
    draft = make_article(title="草稿不公开")
    for article in (published, draft):
        Mention.objects.create(article=article, entity=entity, forms=["西海岸新区"])

    response = client.get(entity.get_absolute_url())

    assert entity.get_absolute_url() == "/entities/xihaianxinqu/"
    assert response.status_code == 200
    html = response.content.decode()
    assert "西海岸新区新建学校" in html and published.get_absolute_url() in html
    assert "草稿不公开" not in html
    assert "黄岛区" in html
    assert response.templates[1].name == "public/base.html"


def test_unknown_entity_is_404(client, db):
    assert client.get("/entities/nowhere/").status_code == 404


def test_entity_page_is_paginated(client, make_article):
    from public.entities import PER_PAGE

    entity = Entity.objects.create(name="青岛港", kind="organisation", slug="qingdaogang")
    for i in range(PER_PAGE + 1):
        article = make_article(title=f"港口{i}", status=Article.Status.PUBLISHED, published_at=timezone.now())
        Mention.objects.create(article=article, entity=entity, forms=["青岛港"])

    second = client.get(entity.get_absolute_url(), {"page": 2})

    assert second.status_code == 200
    assert len(second.context["articles"]) == 1
    assert "第 2 / 2 页" in second.content.decode()
