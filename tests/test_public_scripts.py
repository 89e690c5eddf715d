"""The 简/繁 switch: /hant/ pages in traditional characters, cached apart from the simplified ones."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article, Section
from public.scripts import traditional_html

pytestmark = pytest.mark.django_db


def test_text_is_converted_not_markup():
    html = ('<html lang="zh-Hans"><head><script type="application/ld+json">{"headline": "青岛发展"}</script></head>'
            '<body><a href="/tags/青岛发展/" title="青岛发展">青岛发展</a><!-- 青岛 -->&amp;头发</body></html>')
    assert traditional_html(html) == (
        '<html lang="zh-Hant"><head><script type="application/ld+json">{"headline": "青岛发展"}</script></head>'
        '<body><a href="/tags/青岛发展/" title="青岛发展">青島發展</a><!-- 青岛 -->&amp;頭髮</body></html>'
    )


def test_a_traditional_page_links_within_traditional(client, published_article):
    Section.objects.create(name="经济", slug="jingji")
    html = client.get("/hant" + published_article.get_absolute_url()).content.decode()
    assert "<h1>青島電商“聚變”，澎湃消費強引擎</h1>" in html
    assert f'href="/hant{reverse("public:section", args=["jingji"])}">經濟</a>' in html
    assert 'action="/hant/search/"' in html
    assert f'class="script-switch" href="{published_article.get_absolute_url()}"' in html
    assert reverse("public:home") == "/"  # the prefix is gone after the request


def test_simplified_page_links_to_its_traditional_twin(client, published_article):
    html = client.get(published_article.get_absolute_url()).content.decode()
    assert "<h1>青岛电商“聚变”，澎湃消费强引擎</h1>" in html
    assert f'class="script-switch" href="/hant{published_article.get_absolute_url()}"' in html


def test_the_two_scripts_are_cached_apart(client, published_article, django_assert_num_queries):
    url = published_article.get_absolute_url()
    simplified = client.get(url).content.decode()
    traditional = client.get("/hant" + url).content.decode()
    with django_assert_num_queries(0):  # both served from the cache now, each its own
        assert client.get(url).content.decode() == simplified
        assert client.get("/hant" + url).content.decode() == traditional
    assert "青島" in traditional and "青島" not in simplified
    published_article.title = "青岛港新航线"
    published_article.save()
    assert "青島港新航線" in client.get("/hant" + url).content.decode()  # a change reaches the traditional page


def test_search_in_traditional(client, published_article):
    from search.services import index_articles

    index_articles(article_ids=[published_article.pk])
    html = client.get("/hant/search/", {"q": "電商"}).content.decode()
    assert "共 1 篇" in html and "青島<mark>電商</mark>" in html


def test_only_the_public_pages_have_a_traditional_version(client, admin_client, published_article):
    assert client.get("/hant/").status_code == 200
    assert admin_client.get("/hant/admin/").status_code == 404
    for url in ["/hant/feeds/rss/", "/hant/sitemap.xml", "/hant/robots.txt"]:
        assert client.get(url).status_code == 404, url
    report = client.get(f"/hant/articles/{published_article.pk}/report/").content.decode()
    assert "糾錯" in report and "csrfmiddlewaretoken" in report


def test_drafts_stay_hidden_in_traditional(client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    assert client.get("/hant" + draft.get_absolute_url()).status_code == 404


def test_the_missing_page_page_is_traditional_under_hant(client, db):
    response = client.get("/hant/no-such-thing/here/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "頁面沒有找到" in html and "页面没有找到" not in html
    assert 'action="/hant/search/"' in html  # its search stays in traditional
