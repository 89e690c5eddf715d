"""The search page: alias expansion, scripts, filters, facets, every hit counted, its canonical."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article, Issue, Publication, Section
from linking.models import Alias, Entity
from search.services import index_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(make_article, source_page):
    def make(title: str, body: str = "正文。", **fields) -> Article:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now())
        article = make_article(title=title, body=body, **fields)
        index_articles(article_ids=[article.pk])
        return article

    return make


def headlines(html: str) -> list[str]:
    return [re.sub("<[^>]+>", "", h) for h in re.findall(r'class="headline" href="[^"]*">(.*?)</a>', html)]


def test_a_name_finds_the_stories_under_its_other_names(client, story):
    west = Entity.objects.create(name="西海岸新区", kind=Entity.Kind.PLACE, slug="xihaian")
    Alias.objects.create(entity=west, name="黄岛区")
    story("西海岸新区招商引资")
    story("黄岛区招商引资")
    story("崂山区招商引资")
    html = client.get("/search/", {"q": "黄岛区 招商"}).content.decode()
    assert sorted(headlines(html)) == ["西海岸新区招商引资", "黄岛区招商引资"]
    assert "<mark>西海岸新区</mark>" in html


def test_a_traditional_query_finds_simplified_text(client, story):
    story("青岛港吞吐量创新高")
    html = client.get("/search/", {"q": "青島港"}).content.decode()
    assert headlines(html) == ["青岛港吞吐量创新高"]


def test_every_hit_is_counted_and_the_last_page_reached(client, story):
    for i in range(45):
        story(f"电商{i}")
    story("电商草稿", status=Article.Status.DRAFT, published_at=None)
    html = client.get("/search/", {"q": "电商", "sort": "date"}).content.decode()
    assert "共 45 篇" in html
    assert "第 1 / 3 页" in html and "sort=date&amp;page=2" in html
    last = client.get("/search/", {"q": "电商", "sort": "date", "page": 3}).content.decode()
    assert headlines(last) == [f"电商{i}" for i in range(4, -1, -1)]


def test_filters_and_facets_with_counts(client, story, source_page):
    paper = Publication.objects.create(name="青岛日报", slug="qdrb")
    source_page.issue = Issue.objects.create(publication=paper, edition_date=date(2024, 3, 15))
    source_page.edition_date, source_page.number = date(2024, 3, 15), 3
    source_page.save()
    economy = Section.objects.create(name="经济", slug="jingji")
    story("电商甲", section=economy)
    story("电商乙")
    story("电商丙", section=economy, status=Article.Status.DRAFT, published_at=None)
    html = client.get("/search/", {"q": "电商"}).content.decode()
    assert re.search(r'href="\?q=%E7%94%B5%E5%95%86&amp;section=jingji">经济</a> <span class="count">1</span>', html)
    assert re.search(r'>第3版</a> <span class="count">2</span>', html)
    assert re.search(r'>青岛日报</a> <span class="count">2</span>', html)
    assert re.search(r'>2024</a> <span class="count">2</span>', html)
    assert headlines(client.get("/search/", {"q": "电商", "section": "jingji"}).content.decode()) == ["电商甲"]
    assert len(headlines(client.get("/search/", {"q": "电商", "ban": "3", "year": "2024"}).content.decode())) == 2
    assert headlines(client.get("/search/", {"q": "电商", "from": "2024-03-16"}).content.decode()) == []
    assert len(headlines(client.get("/search/", {"q": "电商", "from": "not a date", "ban": "三"}).content.decode())) == 2


def test_search_page_queries_do_not_grow_with_hits(client, story):
    for i in range(30):
        story(f"电商{i}")
    story("崂山茶")

    def queries(query: str) -> int:
        cache.clear()  # each renders, and reads the section menu, afresh
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/search/", {"q": query}).status_code == 200
        return len(captured)

    queries("青岛")  # the process reads the facet entries once (search.columns); then only what changed
    assert queries("电商") == queries("崂山茶")


def test_search_canonical_keeps_the_query(client, story):
    story("电商")
    html = client.get("/search/", {"q": "电商", "sort": "date", "page": "1"}).content.decode()
    assert re.search(r'<link rel="canonical" href="https?://[^/"]+/search/\?q=%E7%94%B5%E5%95%86">', html)


def test_a_word_searched_again_is_not_read_from_the_index(client, story, django_assert_num_queries):
    for i in range(30):
        story(f"青岛电商{i}")
    story("电商草稿", status=Article.Status.DRAFT, published_at=None)
    cache.clear()
    client.get("/search/", {"q": "电商"})  # the facet entries, then the word's hits (search.hitsets)
    cache.clear()
    # Names (2), the generation, the hits and their bylines, the section menu (no facet here has labels to read).
    with django_assert_num_queries(6):
        html = client.get("/search/", {"q": "电商"}).content.decode()
    assert "共 30 篇" in html and "电商草稿" not in html
