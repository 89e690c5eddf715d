"""JSON-LD, OpenGraph and canonical links on the article page."""

from __future__ import annotations

import json
import re

from articles.models import Byline, Reporter


def json_ld(html: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_news_article_json_ld_has_every_author(client, published_article):
    second = Reporter.objects.create(name="王凯", outlet="青岛日报", slug="wang-kai")
    Byline.objects.create(article=published_article, reporter=second, position=2)
    data = json_ld(client.get(published_article.get_absolute_url()).content.decode())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == published_article.title
    assert data["author"] == [
        {"@type": "Person", "name": "丁倩倩", "url": "http://127.0.0.1:8000/reporters/ding-qianqian/"},
        {"@type": "Person", "name": "王凯", "url": "http://127.0.0.1:8000/reporters/wang-kai/"},
    ]
    assert data["mainEntityOfPage"] == "http://127.0.0.1:8000" + published_article.get_absolute_url()
    assert data["datePublished"].startswith(str(published_article.published_at.date()))


def test_json_ld_cannot_close_its_script(client, published_article):
    published_article.title = "</script><script>alert(1)</script>"
    published_article.save()
    html = client.get(published_article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert json_ld(html)["headline"] == "</script><script>alert(1)</script>"


def test_opengraph_and_canonical(client, published_article):
    html = client.get(published_article.get_absolute_url()).content.decode()
    url = "http://127.0.0.1:8000" + published_article.get_absolute_url()
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:title" content="{published_article.title}">' in html
    assert '<meta property="og:description" content="青岛的线上消费' in html
