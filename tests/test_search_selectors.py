"""Query edge cases: whatever a reader or editor types, search answers without errors."""

from __future__ import annotations

import pytest
from django.utils import timezone

from articles.models import Article
from search.selectors import MAX_RESULTS, parse_query, search_filter, search_ranked
from search.services import index_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(make_article):
    def make(**fields) -> Article:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now())
        article = make_article(**fields)
        index_articles(article_ids=[article.pk])
        return article

    return make


def pks(found) -> set[int]:
    return set(found if isinstance(found, list) else found.values_list("pk", flat=True))


def test_empty_and_blank_queries_find_nothing(indexed):
    indexed()
    for query in ["", "   ", "，。！", "\"*:&|'"]:
        assert pks(search_ranked(query)) == set(), query
        assert pks(search_filter(Article.objects.all(), query)) == set(), query


def test_one_character_is_a_substring_search(indexed):
    island = indexed(title="青岛港吞吐量", body="港口。")
    indexed(title="济南新闻", body="泉水。")
    # 岛 is never a word on its own in the index; it is matched as a substring.
    assert parse_query("岛").substring
    assert pks(search_ranked("岛")) == {island.pk}


def test_latin_letters_and_digits(indexed):
    tir = indexed(title="TIR国际公路运输", body="2024年开通B2B出口业务。")
    indexed(title="其他稿件", body="没有这些字母。")
    for query in ["TIR", "tir", "B2B", "b2b", "2024"]:
        assert pks(search_ranked(query)) == {tir.pk}, query


def test_syntax_characters_are_plain_text(indexed):
    article = indexed(title="青岛电商", body="正文。")
    for query in ['"青岛', "青岛*", "青岛:电商", "青岛 & 电商", "青岛|电商", "(青岛)", "-青岛", "青岛^", "{青岛}"]:
        assert pks(search_ranked(query)) == {article.pk}, query
    # Operator words are words: the article contains neither OR nor NEAR nor title.
    for query in ["青岛' OR 1=1 --", "NEAR(青岛 电商)", "title:青岛", "' OR ''='"]:
        assert pks(search_ranked(query)) == set(), query


def test_very_long_query_is_truncated(indexed):
    article = indexed(title="青岛电商", body="正文。")
    assert pks(search_ranked("青岛" * 5000)) == {article.pk}
    assert pks(search_ranked("x" * 10000)) == set()


def test_single_characters_are_dropped_from_longer_queries(indexed):
    article = indexed(title="青岛电商", body="正文。")
    assert parse_query("青岛的电商").words == ["青岛", "电商"]
    assert pks(search_ranked("青岛的电商")) == {article.pk}


def test_readers_see_published_only_editors_see_all(indexed):
    public = indexed(title="青岛电商一")
    draft = indexed(title="青岛电商二", status=Article.Status.DRAFT, published_at=None)
    spiked = indexed(title="青岛电商三", status=Article.Status.SPIKED, published_at=None)
    corrected = indexed(title="青岛电商四", status=Article.Status.CORRECTED)
    assert pks(search_ranked("电商")) == {public.pk, corrected.pk}
    assert pks(search_filter(Article.objects.all(), "电商")) == {public.pk, draft.pk, spiked.pk, corrected.pk}


def test_newest_first_among_equal_hits(indexed):
    older = indexed(title="电商甲", published_at=timezone.now() - timezone.timedelta(days=2))
    newer = indexed(title="电商乙", published_at=timezone.now())
    assert search_ranked("电商") == [newer.pk, older.pk]


def test_readers_get_the_newest_hits_up_to_the_cap(indexed, monkeypatch):
    monkeypatch.setattr("search.selectors.MAX_RESULTS", 2)
    first, second, third = (indexed(title=f"电商{i}") for i in range(3))
    assert set(search_ranked("电商")) == {second.pk, third.pk}
    assert MAX_RESULTS == 300
