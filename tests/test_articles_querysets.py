"""articles.models.ArticleQuerySet: the reads the site, the desk and linking share by name."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from articles.models import Article, Byline, Column, Reporter, Section, SourcePage

SHANGHAI = ZoneInfo("Asia/Shanghai")
S = Article.Status


def test_section_with_descendants_at_any_depth(db):
    economy = Section.objects.create(name="经济", slug="a")
    finance = Section.objects.create(name="财经", slug="b", parent=economy)
    markets = Section.objects.create(name="市场", slug="c", parent=finance)
    Section.objects.create(name="体育", slug="d")
    assert economy.with_descendants() == [economy, finance, markets]
    assert finance.with_descendants() == [finance, markets]


def test_section_with_descendants_among_sections_read_already(db, django_assert_num_queries):
    economy = Section.objects.create(name="经济", slug="a")
    finance = Section.objects.create(name="财经", slug="b", parent=economy)
    sports = Section.objects.create(name="体育", slug="d")
    every = list(Section.objects.all())
    with django_assert_num_queries(0):
        assert economy.with_descendants(among=every) == [economy, finance]
        assert sports.with_descendants(among=every) == [sports]


def test_published_means_published_or_corrected(make_article):
    shown = {make_article(title="发布", status=S.PUBLISHED), make_article(title="更正", status=S.CORRECTED)}
    for status in (S.IMPORTED, S.DRAFT, S.IN_REVIEW, S.APPROVED, S.SCHEDULED, S.UNPUBLISHED, S.SPIKED):
        make_article(title=status, status=status)
    assert set(Article.objects.published()) == shown
    assert {a for a in Article.objects.all() if a.is_public} == shown
    assert set(Article.objects.filter(Article.published_q())) == shown


def test_published_q_follows_a_relation(make_article):
    public = make_article(status=S.PUBLISHED)
    make_article(status=S.DRAFT)
    reporter = Reporter.objects.create(name="黄飞", slug="huang-fei")
    for article in Article.objects.all():
        Byline.objects.create(article=article, reporter=reporter, role="记者", position=1)
    assert [b.article for b in Byline.objects.filter(Article.published_q("article"))] == [public]


def test_in_section_includes_subsections(make_article):
    economy = Section.objects.create(name="经济", slug="jingji")
    finance = Section.objects.create(name="财经", slug="caijing", parent=economy)
    sport = Section.objects.create(name="体育", slug="tiyu")
    a, b = make_article(section=economy), make_article(section=finance)
    make_article(section=sport)
    make_article()
    assert set(Article.objects.in_section(economy)) == {a, b}
    assert list(Article.objects.in_section(finance)) == [b]


def test_by_reporter_lists_each_article_once(make_article):
    reporter = Reporter.objects.create(name="黄飞", slug="huang-fei")
    article = make_article()
    make_article()
    Byline.objects.create(article=article, reporter=reporter, role="记者", position=1)
    Byline.objects.create(article=article, reporter=reporter, role="摄影", position=2)
    assert list(Article.objects.by_reporter(reporter)) == [article]


def test_in_column_and_tagged(make_article):
    column = Column.objects.create(name="强信心", slug="qiang-xinxin")
    in_column = make_article(column=column)
    tagged = make_article()
    tagged.tags.add("电商")
    assert list(Article.objects.in_column(column)) == [in_column]
    assert list(Article.objects.tagged(tagged.tags.get())) == [tagged]


def test_on_page_is_in_printed_order(make_article, source_page):
    third, first, second = make_article(position=3), make_article(position=1), make_article(position=2)
    other = SourcePage.objects.create(file_name="001.txt", sha256="1" * 64, raw_text="")
    Article.objects.create(source_page=other, position=1, span_start=0, span_end=1, title="别版")
    assert list(Article.objects.on_page(source_page)) == [first, second, third]


def test_newest_first_and_published_between_local_days(make_article):
    def at(day: int, hour: int) -> datetime:
        return datetime(2023, 10, day, hour, tzinfo=SHANGHAI)

    late_9th = make_article(status=S.PUBLISHED, published_at=at(9, 23))
    early_10th = make_article(status=S.PUBLISHED, published_at=at(10, 0))
    late_10th = make_article(status=S.PUBLISHED, published_at=at(10, 23))
    make_article(status=S.PUBLISHED, published_at=at(11, 0))
    with timezone.override(SHANGHAI):
        on_10th = Article.objects.published_between(date(2023, 10, 10), date(2023, 10, 11)).newest_first()
        assert list(on_10th) == [late_10th, early_10th]
    assert list(Article.objects.newest_first())[-1] == late_9th


def test_for_listing_reads_bylines_and_edition_dates_in_two_more_queries(make_article, source_page, django_assert_num_queries):
    source_page.edition_date = date(2024, 8, 6)
    source_page.save()
    reporter = Reporter.objects.create(name="黄飞", slug="huang-fei")
    for _ in range(3):
        Byline.objects.create(article=make_article(), reporter=reporter, role="记者", position=1)
    with django_assert_num_queries(3):
        names = [
            [b.reporter.name for b in a.bylines.all()] + [a.column, a.url_date] for a in Article.objects.for_listing()
        ]
    assert names == [["黄飞", None, date(2024, 8, 6)]] * 3
