"""search.hitsets: each word's public hits read once per generation, and never used past it."""

from __future__ import annotations

import numpy as np
import pytest
from django.utils import timezone

from articles.models import Article
from articles.signals import announce_changed
from search import columns, hitsets
from search.backends import get_backend
from search.selectors import ParsedQuery, search_ranked, search_results
from search.services import index_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(make_article):
    def make(**fields) -> Article:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now())
        fields.setdefault("body", "正文。")
        article = make_article(**fields)
        index_articles(article_ids=[article.pk])
        return article

    return make


def test_a_word_is_read_from_the_index_once_per_generation(story, django_assert_num_queries):
    in_title = story(title="青岛电商")
    in_body = story(title="电商新闻", body="青岛。")
    assert list(search_ranked("青岛")) == [in_title.pk, in_body.pk]  # headline hits first
    with django_assert_num_queries(1):  # the generation: the hits and headline hits are this process's
        assert list(search_ranked("青岛")) == [in_title.pk, in_body.pk]
    with django_assert_num_queries(2):  # the generation, and the one new word's hits and headline hits
        assert list(search_ranked("青岛 电商")) == [in_title.pk, in_body.pk]
    later = story(title="青岛港")  # a new generation: every word is read again
    assert set(search_ranked("青岛")) == {in_title.pk, in_body.pk, later.pk}


def test_alternatives_and_groups_are_combined_as_the_index_would(story):
    both = story(title="青岛，电商")
    story(title="青岛，港口")
    online = story(title="跨境，电商，直播")
    # 电商, and 青岛 or (跨境 and 直播); then 电商, and 直播 or 港口.
    either = ParsedQuery(groups=((("电商",),), (("青岛",), ("跨境", "直播"))), substring=False)
    assert set(search_ranked(either)) == {both.pk, online.pk}
    assert set(search_ranked(ParsedQuery(groups=((("电商",),), (("直播",), ("港口",))), substring=False))) == {online.pk}
    assert set(search_ranked(ParsedQuery(groups=((("直播",), ("港口", "电商")),), substring=False))) == {online.pk}


def test_a_deleted_article_is_never_found_from_a_copy(story):
    gone, kept = story(title="青岛电商"), story(title="青岛新闻")
    assert set(search_ranked("青岛")) == {gone.pk, kept.pk}
    Article.objects.get(pk=gone.pk).delete()  # index and facet rows go by cascade: nothing left to read
    results = search_results("青岛")
    assert list(results.hits) == [kept.pk] and len(results.hits) == 1
    c = columns.current()
    assert not c.public[c.positions(np.array([gone.pk]))].any()  # the copy knows it is gone
    also = story(title="青岛港")
    assert len(search_ranked("青岛")) == 2
    Article.objects.filter(pk=also.pk).delete()  # a queryset's delete alike
    assert list(search_ranked("青岛")) == [kept.pk]


@pytest.mark.parametrize("hide", [
    {"status": Article.Status.UNPUBLISHED},
    {"status": Article.Status.DRAFT, "published_at": None},
    "continuation",  # joined as the later part of a 转版: readers see only the first part
])
def test_a_hidden_article_leaves_the_copy_when_announced(story, announcements, hide):
    first, hidden = story(title="青岛电商"), story(title="青岛新闻")
    assert set(search_ranked("青岛")) == {first.pk, hidden.pk}
    changes = {"continuation_of": first} if hide == "continuation" else hide
    with announcements(deliver=True):
        Article.objects.filter(pk=hidden.pk).update(**changes)
        announce_changed([hidden.pk])  # as every writer does
    assert list(search_ranked("青岛")) == [first.pk]


def test_drafts_are_in_no_copy(story):
    public = story(title="青岛电商")
    draft = story(title="青岛电商草稿", status=Article.Status.DRAFT, published_at=None)
    assert list(search_ranked("青岛")) == [public.pk]
    c = columns.current()
    (at,) = c.positions(np.array([draft.pk]))
    kept = [bitmap for _, words in hitsets._copies.values() for pair in words.values() for bitmap in pair]
    assert kept and not any(np.unpackbits(bitmap, count=len(c.ids))[at] for bitmap in kept)


def test_least_recently_used_words_go_past_the_budget(story, monkeypatch):
    story(title="青岛电商直播")
    monkeypatch.setattr(hitsets, "MAX_BYTES", 2 * 2)  # one word's two one-byte bitmaps, and a spare pair
    for word in ["青岛", "电商", "直播", "青岛"]:
        assert len(search_ranked(word)) == 1
    ((_, words),) = hitsets._copies.values()
    assert list(words) == ["直播", "青岛"]


def test_substring_and_index_words_are_kept_apart(story):
    island = story(title="青岛港", body="码头。")
    assert list(search_ranked("岛")) == [island.pk]  # a substring of 青岛
    assert get_backend().vendor != "fallback"
    assert {vendor for _, vendor in hitsets._copies} == {"fallback"}
    assert list(search_ranked("青岛")) == [island.pk]
    assert {vendor for _, vendor in hitsets._copies} == {"fallback", get_backend().vendor}
