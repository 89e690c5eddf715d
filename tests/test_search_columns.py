"""search.columns: every article's facet keys as arrays, read whole once, then only what changed."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Byline, Issue, Publication, Reporter, Section, SourcePage
from search import columns
from search.models import FacetEntry, IndexGeneration
from search.services import refresh_facets

pytestmark = pytest.mark.django_db

NOW = timezone.now()


@pytest.fixture
def story(make_article):
    def make(**fields) -> Article:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", NOW)
        article = make_article(**fields)
        refresh_facets(article_ids=[article.pk])  # as the index does for every announced change
        return article

    return make


def at(c: columns.Columns, article: Article) -> int:
    (position,) = c.positions(np.array([article.pk]))
    return int(position)


def test_keys_of_every_article_by_position(story, source_page):
    paper = Publication.objects.create(name="青岛日报", slug="qdrb")
    source_page.issue = Issue.objects.create(publication=paper, edition_date=date(2024, 3, 15))
    source_page.edition_date, source_page.number = date(2024, 3, 15), 3
    source_page.save()
    economy = Section.objects.create(name="经济", slug="jingji")
    printed = story(section=economy)
    undated = story(source_page=SourcePage.objects.create(file_name="x.txt", sha256="1" * 64, raw_text="", outlet=""))
    draft = story(status=Article.Status.DRAFT, published_at=None)

    c = columns.current()
    assert c.ids.tolist() == sorted([printed.pk, undated.pk, draft.pk])
    p, u, d = at(c, printed), at(c, undated), at(c, draft)
    assert (c.publication[p], c.page[p], c.section[p], c.year[p]) == (paper.pk, 3, economy.pk, 2024)
    assert c.day[p] == (date(2024, 3, 15) - date(1970, 1, 1)).days
    # 0 stands for "none" in every id-like key, the page and the year; no date is never in a range.
    assert (c.publication[u], c.page[u], c.section[u], c.column[u], c.year[u]) == (0, 0, 0, 0, 0)
    assert c.day[u] == columns.NO_DATE
    assert c.public.tolist() == [True, True, False] and not c.public[d]
    assert c.published[d] == columns.NO_TIME


def test_positions_leave_out_ids_without_a_facet_entry(story, make_article):
    known = story()
    unannounced = make_article()  # saved, never announced: no facet entry
    c = columns.current()
    assert c.positions(np.array([unannounced.pk, known.pk, 10**6])).tolist() == [at(c, known)]


def test_rank_is_newest_first_undated_last_ties_by_id(story):
    old = story(published_at=NOW - timedelta(days=2))
    new = story(published_at=NOW)
    tie = story(published_at=NOW)
    never = story(status=Article.Status.DRAFT, published_at=None)
    c = columns.current()
    by_rank = sorted([old, new, tie, never], key=lambda a: c.rank[at(c, a)])
    assert by_rank == [tie, new, old, never]


def test_a_time_late_in_its_second_ranks_before_the_next_second(story):
    # strftime rounds a fraction of .9995 s or more up to the next second on SQLite.
    second = NOW.replace(microsecond=0)
    late = story(published_at=second + timedelta(microseconds=999_800))
    next_one = story(published_at=second + timedelta(seconds=1, microseconds=100))
    c = columns.current()
    assert c.published[at(c, late)] == int(late.published_at.timestamp()) * 1_000_000 + 999_800
    assert c.rank[at(c, next_one)] < c.rank[at(c, late)]


def test_bylines_are_pairs_once_per_reporter(story):
    article = story()
    ding = Reporter.objects.create(name="丁倩倩", slug="ding")
    wang = Reporter.objects.create(name="王涛", slug="wang")
    Byline.objects.create(article=article, reporter=ding, role="记者", position=1)
    Byline.objects.create(article=article, reporter=ding, role="摄影", position=2)  # two roles: one byline
    Byline.objects.create(article=article, reporter=wang, position=3)
    refresh_facets(article_ids=[article.pk])
    c = columns.current()
    assert sorted(c.byline_reporter[c.byline_at == at(c, article)].tolist()) == sorted([ding.pk, wang.pk])


def test_the_same_generation_is_one_cheap_read(story):
    story()
    first = columns.current()
    with CaptureQueriesContext(connection) as captured:
        again = columns.current()
    assert again is first and len(captured) == 1  # the generation only


def test_a_change_reads_only_its_rows_and_keeps_the_others(story):
    a, b = story(), story()
    before = columns.current()
    Article.objects.filter(pk=a.pk).update(status=Article.Status.DRAFT)  # taken down, its time kept
    refresh_facets(article_ids=[a.pk])
    with CaptureQueriesContext(connection) as captured:
        after = columns.current()
    assert not after.public[at(after, a)] and after.public[at(after, b)]
    assert before.public[at(before, a)]  # the copy a search already holds is not changed under it
    # The generation, the changed facet entries and their bylines: not every row again.
    assert len(captured) == 3 and "WHERE generation >" in captured[1]["sql"]


def test_a_new_article_and_a_new_time_reorder(story):
    a = story(published_at=NOW - timedelta(days=1))
    columns.current()
    b = story(published_at=NOW - timedelta(days=2))  # a new row: merged, and ranked
    c = columns.current()
    assert c.ids.tolist() == [a.pk, b.pk] and c.rank[at(c, a)] < c.rank[at(c, b)]
    Article.objects.filter(pk=b.pk).update(published_at=NOW)  # a new time: re-sorted
    refresh_facets(article_ids=[b.pk])
    c = columns.current()
    assert c.rank[at(c, b)] < c.rank[at(c, a)]


def test_a_generation_seen_again_with_another_stamp_is_read_whole(story):
    a = story()
    columns.current()
    # The same generation number with another stamp: another history (a rollback in between).
    IndexGeneration.objects.filter(pk=1).update(stamp=12345)
    city = Section.objects.create(name="城市", slug="chengshi")
    FacetEntry.objects.filter(article_id=a.pk).update(section_id=city.pk)  # written in that other history
    c = columns.current()
    assert c.section[at(c, a)] == city.pk


def test_a_deleted_article_stops_being_public_without_a_whole_read(story, django_assert_num_queries):
    gone, kept = story(), story()
    before = columns.current()
    Article.objects.filter(pk=gone.pk).delete()  # its facet entry goes by cascade; the delete gives a new generation
    # The generation, the ids left, the rows written since (none): not every row again.
    with django_assert_num_queries(3):
        c = columns.current()
    assert c is not before and not c.public[at(c, gone)] and c.public[at(c, kept)]
    assert before.public[at(before, gone)]  # a copy already handed out is not changed under its reader
