"""linking.services.entities: editors accept or reject suggested names."""

from __future__ import annotations

import pytest

from linking.models import Entity, EntitySuggestion, Mention
from linking.services.entities import suggestion_accept, suggestion_reject
from linking.services.extraction import articles_extract

pytestmark = pytest.mark.django_db

BODY = "河东村的茶园连片。河东村村民在河东村民宿接待游客。"


@pytest.fixture
def suggested(make_article):
    article = make_article(title="茶园连片", body=BODY)
    articles_extract(article_ids=[article.pk])
    return article, EntitySuggestion.objects.get(name="河东村")


def test_a_name_jieba_finds_twice_is_suggested_not_linked(suggested):
    article, suggestion = suggested
    assert (suggestion.kind, suggestion.status) == ("place", EntitySuggestion.Status.PENDING)
    assert list(suggestion.articles.all()) == [article]
    assert not Mention.objects.exists()


def test_accepting_creates_the_entity_and_links_its_articles(suggested):
    article, suggestion = suggested
    entity = suggestion_accept(suggestion=suggestion)
    assert (entity.name, entity.kind, entity.slug) == ("河东村", "place", "hedongcun")
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.entity) == (EntitySuggestion.Status.ACCEPTED, entity)
    assert Mention.objects.get(article=article).entity == entity


def test_rejecting_keeps_it_out_for_good(suggested):
    article, suggestion = suggested
    suggestion_reject(suggestion=suggestion)
    articles_extract(article_ids=[article.pk])
    suggestion.refresh_from_db()
    assert suggestion.status == EntitySuggestion.Status.REJECTED
    assert not Entity.objects.exists()
