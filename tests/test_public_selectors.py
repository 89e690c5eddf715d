from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from public.selectors import NewestFirst, _issues_with_stories, section_with_descendants


def test_newest_first_merges_the_public_statuses(make_article):
    now = timezone.now()
    made = [
        make_article(title=f"稿件{i}", status=status, published_at=now - timezone.timedelta(hours=i))
        for i, status in enumerate([Article.Status.CORRECTED, Article.Status.PUBLISHED, Article.Status.CORRECTED,
                                    Article.Status.PUBLISHED, Article.Status.DRAFT])
    ]
    newest = NewestFirst(Article.objects.all())
    assert newest.count() == len(newest) == 4
    assert newest[0:4] == made[:4]
    assert newest[1:3] == made[1:3]


def test_article_tags_are_the_articles_own(make_article, django_assert_num_queries):
    from public.selectors import article_tags

    tagged, other = make_article(title="有标签"), make_article(title="另一篇")
    tagged.tags.add("电商", "消费")
    other.tags.add("体育")
    with django_assert_num_queries(1):
        assert sorted(t.name for t in article_tags(tagged)) == ["消费", "电商"]
    assert article_tags(make_article(title="无标签")) == []


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's plans, chosen without ANALYZE statistics")
def test_an_issue_with_stories_is_asked_of_its_pages_not_of_every_published_article():
    # With the readers' filter as conditions on status, SQLite read the public-status
    # index for each issue: every published article of the archive (1 s for a month at 100,000).
    plan = _issues_with_stories().filter(publication_id=1, edition_date__gte=date(2024, 8, 1)).explain()
    assert "articles_sourcepage_issue_id" in plan and "article_public_status_pub" not in plan


def test_the_stories_of_one_edition_list_in_printed_order(make_article):
    """An edition's stories share its time: lists give them lead first, as printed, in every reader's list."""
    from articles.models import Section
    from public.selectors import home_groups

    section = Section.objects.create(name="要闻", slug="yaowen")
    edition = timezone.now() - timezone.timedelta(days=1)
    printed = [make_article(title=f"第{i}条", status=Article.Status.PUBLISHED, published_at=edition, section=section)
               for i in range(1, 5)]
    later = make_article(title="次日", status=Article.Status.PUBLISHED, published_at=timezone.now(), section=section)
    assert list(Article.objects.published().newest_first()) == [later, *printed]
    assert NewestFirst(Article.objects.all(), sections=[section])[0:3] == [later, *printed[:2]]
    [group] = home_groups(per_section=3)
    assert group.articles == [later, *printed[:2]]


def test_a_section_with_its_descendants_by_slug_in_one_query(db, django_assert_num_queries):
    from articles.models import Section

    economy = Section.objects.create(name="经济", slug="jingji-x")
    finance = Section.objects.create(name="财经", slug="caijing-x", parent=economy)
    markets = Section.objects.create(name="市场", slug="shichang-x", parent=finance)
    Section.objects.create(name="体育", slug="tiyu-x")
    with django_assert_num_queries(1):
        assert section_with_descendants("caijing-x") == [finance, markets]
    assert section_with_descendants("jingji-x") == [economy, finance, markets]
    assert section_with_descendants("nothing") == []
