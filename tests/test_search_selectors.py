"""Query edge cases: whatever a reader or editor types, search answers without errors."""

from __future__ import annotations

from datetime import date

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from articles.models import Article, Byline, Column, Issue, Publication, Reporter, Section, SourcePage
from search.selectors import DATE, SearchFilters, parse_query, search_filter, search_ranked, search_results
from search.services import index_articles

pytestmark = pytest.mark.django_db


def pks(found) -> set[int]:
    return set(found.values_list("pk", flat=True) if isinstance(found, QuerySet) else found)


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
    assert list(search_ranked("电商")) == [newer.pk, older.pk]


def test_readers_get_every_hit_counted_and_reachable(indexed):
    # No cap: 25 hits are all counted, the last one too, one page at a time.
    made = [indexed(title=f"电商{i}") for i in range(25)]
    ranked = search_ranked("电商")
    assert ranked.count() == 25
    assert list(ranked[20:25]) == [a.pk for a in reversed(made[:5])]


# --- alternatives, scripts, filters, facets ----------------------------------------


def test_alternatives_are_or_groups(indexed):
    west = indexed(title="西海岸新区招商", body="正文。")
    huangdao = indexed(title="黄岛区招商", body="正文。")
    indexed(title="崂山区招商", body="正文。")
    parsed = parse_query("黄岛区 招商", alternatives={"黄岛区": ["西海岸新区", "黄岛区"]})
    assert parsed.groups == ((("招商",),), (("黄岛区",), ("西海岸新区",)))
    assert pks(search_ranked(parsed)) == {west.pk, huangdao.pk}
    assert pks(search_ranked("黄岛区 招商")) == {huangdao.pk}  # no alternatives given: the name alone


def test_traditional_query_finds_simplified_text_and_back(indexed):
    simplified = indexed(title="青岛港吞吐量", body="正文。")
    traditional = indexed(title="青島港吞吐量", body="正文。")
    assert parse_query("青島港").words == parse_query("青岛港").words
    assert pks(search_ranked("青島港")) == pks(search_ranked("青岛港")) == {simplified.pk, traditional.pk}


def test_one_character_finds_either_script(indexed):
    simplified = indexed(title="青岛港", body="港口。")
    traditional = indexed(title="青島港", body="港口。")
    assert parse_query("島").groups == ((("岛",), ("島",)),)
    assert pks(search_ranked("島")) == pks(search_ranked("岛")) == {simplified.pk, traditional.pk}


@pytest.fixture
def paper(db):
    """Two papers, their pages, sections, columns and reporters, and six 电商 stories (one a draft)."""
    daily = Publication.objects.create(name="青岛日报", slug="qdrb")
    evening = Publication.objects.create(name="青岛晚报", slug="qdwb")
    economy = Section.objects.create(name="经济", slug="jingji")
    city = Section.objects.create(name="城市", slug="chengshi")
    column = Column.objects.create(name="观海", slug="guanhai")
    ding = Reporter.objects.create(name="丁倩倩", slug="ding")
    wang = Reporter.objects.create(name="王凯", slug="wang")

    def page(publication, day, number):
        issue, _ = Issue.objects.get_or_create(publication=publication, edition_date=day)
        return SourcePage.objects.create(file_name=f"{publication.slug}-{day}-{number}.txt", sha256=f"{day}{number}",
                                         raw_text="…", issue=issue, edition_date=day, number=number)

    def story(source_page, section, reporters, *, status=Article.Status.PUBLISHED, column_=None, title="电商"):
        article = Article(source_page=source_page, position=source_page.articles.count() + 1, span_start=0,
                          span_end=1, title=title, body="青岛电商。", section=section, column=column_, status=status,
                          published_at=timezone.now() if status == Article.Status.PUBLISHED else None)
        article.full_clean()
        article.save()
        for i, reporter in enumerate(reporters, 1):
            Byline.objects.create(article=article, reporter=reporter, position=i)
        index_articles(article_ids=[article.pk])
        return article

    p1 = page(daily, date(2023, 5, 1), 1)
    p3 = page(daily, date(2024, 3, 15), 3)
    e1 = page(evening, date(2024, 3, 15), 1)
    stories = {
        "a": story(p1, economy, [ding, wang], column_=column),
        "b": story(p3, economy, [ding]),
        "c": story(p3, city, [wang]),
        "d": story(e1, city, [ding]),
        "e": story(e1, None, []),
        "draft": story(p3, economy, [ding, wang], status=Article.Status.DRAFT),
    }
    return stories


def search_facets(query: str, *, filters: SearchFilters = SearchFilters()):
    # By date: the facets do not depend on the order, and the headline hits are not read.
    return search_results(query, filters=filters, sort=DATE).facets()


def facet_counts(facets, name):
    return {f.value: f.count for f in facets[name]}


def test_facets_count_published_hits_only(paper):
    facets = search_facets("电商")
    assert facet_counts(facets, "publication") == {"qdrb": 3, "qdwb": 2}
    assert facet_counts(facets, "year") == {"2024": 4, "2023": 1}
    assert facet_counts(facets, "page") == {"1": 3, "3": 2}
    assert facet_counts(facets, "section") == {"jingji": 2, "chengshi": 2}
    assert facet_counts(facets, "column") == {"guanhai": 1}
    assert facet_counts(facets, "reporter") == {"ding": 3, "wang": 2}  # the draft's bylines not counted
    assert [f.label for f in facets["publication"]] == ["青岛日报", "青岛晚报"]


def test_each_facet_is_counted_under_the_other_filters(paper):
    facets = search_facets("电商", filters=SearchFilters(publication="qdrb", reporter="ding"))
    # Its own filter left out: the other paper still offered, with its count among ding's stories.
    assert facet_counts(facets, "publication") == {"qdrb": 2, "qdwb": 1}
    assert facet_counts(facets, "reporter") == {"ding": 2, "wang": 2}
    assert facet_counts(facets, "section") == {"jingji": 2}


def test_filters_narrow_the_hits(paper):
    def found(**filters):
        return set(search_ranked("电商", filters=SearchFilters(**filters)))

    a, b, c, d, e = (paper[k].pk for k in "abcde")
    assert found() == {a, b, c, d, e}
    assert found(publication="qdwb") == {d, e}
    assert found(date_from=date(2024, 1, 1)) == {b, c, d, e}
    assert found(date_to=date(2023, 12, 31)) == {a}
    assert found(date_from=date(2024, 3, 15), date_to=date(2024, 3, 15), page=3) == {b, c}
    assert found(section="chengshi") == {c, d}
    assert found(column="guanhai") == {a}
    assert found(reporter="wang") == {a, c}  # not the draft, and a once though it has two bylines
    assert found(reporter="nobody") == set()


def test_sort_by_date_or_by_relevance(paper):
    Article.objects.filter(pk=paper["a"].pk).update(published_at=timezone.now() + timezone.timedelta(days=1))
    Article.objects.filter(pk=paper["b"].pk).update(title="新闻", published_at=timezone.now() + timezone.timedelta(days=2))
    index_articles(article_ids=[paper["a"].pk, paper["b"].pk])  # as every writer announces its changes
    by_date = list(search_ranked("电商", sort=DATE))
    by_relevance = list(search_ranked("电商"))
    assert by_date[:2] == [paper["b"].pk, paper["a"].pk]
    assert by_relevance[0] == paper["a"].pk and by_relevance[-1] == paper["b"].pk  # b: 电商 in the body only


def test_facets_take_the_same_queries_for_one_hit_or_many(paper, indexed, django_assert_max_num_queries):
    indexed(title="崂山茶", body="正文。")
    search_facets("青岛")  # the process reads the facet entries once; after that, only what changed
    # The generation, the matching ids, and the labels of the facets shown (one query for all four kinds).
    with django_assert_max_num_queries(3):
        many = search_facets("电商")
    with django_assert_max_num_queries(3):
        one = search_facets("崂山茶")
    assert sum(f.count for f in many["page"]) == 5 and facet_counts(one, "section") == {}


def test_a_change_reaches_the_counts_at_once(paper):
    assert facet_counts(search_facets("电商"), "section") == {"jingji": 2, "chengshi": 2}
    # Withdrawn, and announced as every writer does: its hit, its counts and its bylines leave.
    Article.objects.filter(pk=paper["b"].pk).update(status=Article.Status.DRAFT)
    Article.objects.filter(pk=paper["c"].pk).update(section=paper["b"].section)
    index_articles(article_ids=[paper["b"].pk, paper["c"].pk])
    facets = search_facets("电商")
    assert facet_counts(facets, "section") == {"jingji": 2, "chengshi": 1}
    assert facet_counts(facets, "reporter") == {"ding": 2, "wang": 2}
    assert paper["b"].pk not in set(search_ranked("电商"))
    Byline.objects.filter(article=paper["a"], reporter__slug="wang").delete()  # a byline taken off
    index_articles(article_ids=[paper["a"].pk])
    assert facet_counts(search_facets("电商"), "reporter") == {"ding": 2, "wang": 1}
    assert set(search_ranked("电商", filters=SearchFilters(reporter="wang"))) == {paper["c"].pk}


def test_drafts_are_in_no_facet_under_any_filter(paper):
    draft = paper["draft"]  # on page 3 of the daily, 经济, bylined ding and wang
    for filters in [SearchFilters(), SearchFilters(section="jingji"), SearchFilters(reporter="wang", page=3)]:
        facets = search_facets("电商", filters=filters)
        ranked = search_ranked("电商", filters=filters)
        assert draft.pk not in set(ranked)
        assert sum(f.count for f in facets["publication"]) == len(ranked), filters
