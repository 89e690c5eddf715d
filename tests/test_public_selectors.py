from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from public.selectors import NewestFirst, SectionNewest, _issues_with_stories, section_with_descendants


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
    assert NewestFirst(Article.objects.all())[0:3] == [later, *printed[:2]]
    assert SectionNewest([section], per_page=3)[0:3] == [later, *printed[:2]]
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


def test_a_section_lists_what_readers_may_see_of_it_and_its_subsections_newest_first(make_article, django_assert_num_queries):
    from articles.models import Byline, Reporter, Section

    economy = Section.objects.create(name="经济", slug="jingji-x")
    finance = Section.objects.create(name="财经", slug="caijing-x", parent=economy)
    other = Section.objects.create(name="体育", slug="tiyu-x")
    now = timezone.now()
    shown = []
    for i in range(7):
        status = Article.Status.CORRECTED if i % 3 == 0 else Article.Status.PUBLISHED
        article = make_article(title=f"第{i}条", status=status, published_at=now - timezone.timedelta(hours=i),
                               section=(economy, finance)[i % 2])
        shown.append(article)
    make_article(title="草稿", section=economy)  # a draft
    make_article(title="外版", status=Article.Status.PUBLISHED, published_at=now, section=other)
    # The later part of a jump (转版), published with its first part: read inside it, never listed.
    make_article(title="", status=Article.Status.PUBLISHED, published_at=now, section=finance, continuation_of=shown[0])
    reporter = Reporter.objects.create(name="某某", slug="mou-mou")
    Byline.objects.create(article=shown[1], reporter=reporter, position=1)

    listed = SectionNewest([economy, finance], per_page=3)
    assert listed.count() == len(listed) == 7
    assert listed[0:3] + listed[3:6] + listed[6:9] == shown
    with django_assert_num_queries(2):  # the page's rows with their edition dates, and their bylines
        page = listed[0:3]
    with django_assert_num_queries(0):
        assert [(a.url_date, [b.reporter.name for b in a.bylines.all()]) for a in page] == [
            (a.url_date, ["某某"] if a == shown[1] else []) for a in shown[:3]]
    assert SectionNewest([finance], per_page=3)[0:3] == shown[1::2][:3]


def test_a_section_page_compiles_its_reads_once(make_article, monkeypatch):
    """Building and compiling a listing's union of parts was most of a section page's CPU time."""
    from django.db.models.sql.compiler import SQLCompiler

    from articles.models import Section

    section = Section.objects.create(name="要闻", slug="yaowen-x")
    for i in range(5):
        make_article(title=f"第{i}条", status=Article.Status.PUBLISHED, section=section,
                     published_at=timezone.now() - timezone.timedelta(hours=i))
    SectionNewest([section], per_page=2)[0:2]  # the first: compiled
    compiled = []
    as_sql = SQLCompiler.as_sql
    monkeypatch.setattr(SQLCompiler, "as_sql", lambda self, *a, **k: compiled.append(self) or as_sql(self, *a, **k))
    listed = SectionNewest([section], per_page=2)
    assert len(listed[2:4]) == 2 and len(listed[4:6]) == 1 and listed.count() == 5
    assert compiled == []


def test_an_issues_pages_are_read_by_reads_compiled_once(make_article, monkeypatch):
    """Building and compiling an issue's pages and their stories was a third of the issue page's CPU."""
    from django.db.models.sql.compiler import SQLCompiler

    from articles.models import Issue, Publication, SourcePage
    from public.selectors import issue_pages

    publication = Publication.objects.create(name="某某日报", slug="moumou-ribao")
    issues = []
    for day in (date(2024, 8, 5), date(2024, 8, 6)):
        issue = Issue.objects.create(publication=publication, edition_date=day)
        page = SourcePage.objects.create(file_name=f"{day}/01.txt", sha256=str(day).ljust(64, "0"), raw_text="",
                                         outlet="某某日报", edition_date=day, issue=issue, number=1, name="要闻")
        make_article(source_page=page, title=f"{day}头条", status=Article.Status.PUBLISHED, published_at=timezone.now())
        issues.append(issue)
    issue_pages(issues[0])
    compiled = []
    as_sql = SQLCompiler.as_sql
    monkeypatch.setattr(SQLCompiler, "as_sql", lambda self, *a, **k: compiled.append(self) or as_sql(self, *a, **k))
    [printed] = issue_pages(issues[1])
    assert [a.title for a in printed.articles] == ["2024-08-06头条"] and compiled == []
