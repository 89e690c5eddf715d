"""search.hitsets: each word's public hits read once per generation, and never used past it."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from django.utils import timezone

from articles.models import Article
from articles.signals import announce_changed
from search import columns, hitsets
from search.backends import get_backend
from search.selectors import ParsedQuery, search_ranked, search_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(indexed):
    return functools.partial(indexed, body="正文。")  # a body that holds no query word


def test_a_word_is_read_from_the_index_once_per_generation(story, django_assert_num_queries):
    in_title = story(title="青岛电商")
    in_body = story(title="电商新闻", body="青岛。")
    assert list(search_ranked("青岛")) == [in_title.pk, in_body.pk]  # headline hits first
    with django_assert_num_queries(1):  # the generation: the hits and headline hits are this process's
        assert list(search_ranked("青岛")) == [in_title.pk, in_body.pk]
    with django_assert_num_queries(2):  # the generation, and the one new word's hits and headline hits
        assert list(search_ranked("青岛 电商")) == [in_title.pk, in_body.pk]
    later = story(title="青岛港")  # a new generation: the words are brought forward, not read again
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
    kept = [bitmap for words in hitsets._copies.values() for _, _, pair in words.values() for bitmap in pair]
    assert kept and not any(np.unpackbits(bitmap, count=len(c.ids))[at] for bitmap in kept)


def test_least_recently_used_words_go_past_the_budget(story, monkeypatch):
    story(title="青岛电商直播")
    monkeypatch.setattr(hitsets, "MAX_BYTES", 2 * 2)  # one word's two one-byte bitmaps, and a spare pair
    for word in ["青岛", "电商", "直播", "青岛"]:
        assert len(search_ranked(word)) == 1
    (words,) = hitsets._copies.values()
    assert list(words) == [("直播",), ("青岛",)]


def test_substring_and_index_words_are_kept_apart(story):
    island = story(title="青岛港", body="码头。")
    assert list(search_ranked("岛")) == [island.pk]  # a substring of 青岛
    assert get_backend().vendor != "fallback"
    assert {vendor for _, vendor in hitsets._copies} == {"fallback"}
    assert list(search_ranked("青岛")) == [island.pk]
    assert {vendor for _, vendor in hitsets._copies} == {"fallback", get_backend().vendor}


@pytest.fixture
def reads(monkeypatch):
    """Each word_ids call of the index backend: (its words, how many ids it was limited to, or None)."""
    calls = []
    backend_class = type(get_backend())
    word_ids = backend_class.word_ids

    def recorded(self, words, *, among=None, using="default"):
        calls.append(([" ".join(t) for t in words], None if among is None else len(among)))
        return word_ids(self, words, among=among, using=using)

    monkeypatch.setattr(backend_class, "word_ids", recorded)
    return calls


def test_a_word_is_brought_forward_across_changes_as_a_fresh_process_reads_it(story, announcements, reads):
    kept, taken_down, joined, deleted = (story(title=f"青岛{n}") for n in "一二三四")
    draft = story(title="青岛草稿", status=Article.Status.DRAFT, published_at=None)
    assert set(search_ranked("青岛")) == {kept.pk, taken_down.pk, joined.pk, deleted.pk}
    assert reads == [(["青岛"], None)]
    reads.clear()
    newly = story(title="青岛新闻", status=Article.Status.DRAFT, published_at=None)
    with announcements(deliver=True):
        Article.objects.filter(pk=taken_down.pk).update(status=Article.Status.UNPUBLISHED)
        Article.objects.filter(pk=joined.pk).update(continuation_of=kept)
        Article.objects.filter(pk=newly.pk).update(status=Article.Status.PUBLISHED, published_at=timezone.now())
        Article.objects.filter(pk=draft.pk).update(title="草稿", body="青岛。")  # still a draft
        announce_changed([taken_down.pk, joined.pk, newly.pk, draft.pk])
    Article.objects.get(pk=deleted.pk).delete()
    story(title="电商")  # one more generation
    results = search_results("青岛")
    assert set(results.hits) == {kept.pk, newly.pk} and len(results.hits) == 2
    assert reads == [(["青岛"], 6)]  # only the changed ids were asked about
    carried, before = hitsets._copies.copy(), columns.current()
    hitsets.forget()  # another process: reads the word whole
    columns.forget()
    assert set(search_ranked("青岛")) == {kept.pk, newly.pk}
    assert reads[-1] == (["青岛"], None)
    after = columns.current()
    (brought,), (fresh,) = carried.values(), hitsets._copies.values()
    for carried_bitmap, fresh_bitmap in zip(brought[("青岛",)][2], fresh[("青岛",)][2]):
        assert set(before.ids[np.unpackbits(carried_bitmap, count=len(before.ids)) == 1]) == set(
            after.ids[np.unpackbits(fresh_bitmap, count=len(after.ids)) == 1])


def test_a_word_too_far_behind_is_read_whole(story, reads, monkeypatch):
    first = story(title="青岛一")
    assert list(search_ranked("青岛")) == [first.pk]
    monkeypatch.setattr(columns, "MAX_CHANGED", 1)
    second, third = story(title="青岛二"), story(title="青岛三")  # two changed ids since
    assert set(search_ranked("青岛")) == {first.pk, second.pk, third.pk}
    assert reads == [(["青岛"], None), (["青岛"], None)]


def test_a_word_of_columns_read_whole_is_read_whole(story, reads):
    first = story(title="青岛一")
    assert list(search_ranked("青岛")) == [first.pk]
    columns.forget()  # as after a rollback: the columns are read whole, with no lineage
    second = story(title="青岛二")
    assert set(search_ranked("青岛")) == {first.pk, second.pk}
    assert reads == [(["青岛"], None), (["青岛"], None)]


def test_words_all_unread_are_read_as_one_term_and_kept(story, reads):
    both, one = story(title="青岛直播"), story(title="青岛新闻")
    assert list(search_ranked("青岛 直播")) == [both.pk]
    assert reads == [(["直播 青岛"], None)]  # the index's intersection, not each word's hits
    assert list(search_ranked("直播 青岛")) == [both.pk]
    assert set(search_ranked("青岛")) == {both.pk, one.pk}
    assert reads == [(["直播 青岛"], None), (["青岛"], None)]
    later = story(title="青岛", body="直播。")
    assert set(search_ranked("青岛 直播")) == {both.pk, later.pk}  # brought forward as one term
    assert reads[2:] == [(["直播 青岛"], 1)]
    assert set(search_ranked("青岛 电商 直播")) == set()  # 青岛 is kept: the other words are read
    assert reads[3:] == [(["青岛"], 1), (["电商", "直播"], None)]
