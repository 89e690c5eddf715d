"""sitemap.xml, its sections, and the Google News sitemap parse and list only public pages."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django.utils import timezone

from articles.models import Article

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def locs(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SM}loc")]


def test_index_lists_every_kind_and_articles_are_published_only(client, published_article, make_article):
    draft = make_article(title="草稿")
    index = locs(client, "/sitemap.xml")
    assert any(u.endswith("/sitemap-articles.xml") for u in index)
    assert any(u.endswith("/sitemap-reporters.xml") for u in index)
    articles = locs(client, "/sitemap-articles.xml")
    assert any(u.endswith(published_article.get_absolute_url()) for u in articles)
    assert not any(f"/{draft.pk}-" in u for u in articles)
    assert any(u.endswith("/reporters/ding-qianqian/") for u in locs(client, "/sitemap-reporters.xml"))
    assert any(u.endswith(f"/pages/{published_article.source_page_id}/") for u in locs(client, "/sitemap-pages.xml"))


def test_news_sitemap_has_recent_articles(client, published_article, make_article):
    make_article(title="旧闻", status=Article.Status.PUBLISHED, published_at=timezone.now() - timezone.timedelta(days=5))
    root = ET.fromstring(client.get("/sitemap-news.xml").content)
    urls = root.findall(f"{SM}url")
    assert len(urls) == 1
    news = urls[0].find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}title") == published_article.title
    assert news.find(f"{NEWS}publication").findtext(f"{NEWS}language") == "zh-cn"
    assert news.findtext(f"{NEWS}publication_date").startswith(str(timezone.localdate(published_article.published_at)))
    assert urls[0].findtext(f"{SM}loc") == "http://127.0.0.1:8000" + published_article.get_absolute_url()


def test_news_sitemap_falls_back_to_the_newest_when_nothing_is_recent(client, make_article):
    old = make_article(title="旧闻", status=Article.Status.PUBLISHED, published_at=timezone.now() - timezone.timedelta(days=5))
    body = client.get("/sitemap-news.xml").content
    titles = [t.text for t in ET.fromstring(body).iter(f"{NEWS}title")]
    assert titles == [old.title]
    assert b"no article in the last two days" in body


def test_every_address_is_on_the_configured_site_url(client, published_article, settings):
    settings.SITE_URL = "https://news.example.com"
    index = locs(client, "/sitemap.xml")
    assert index and all(u.startswith("https://news.example.com/sitemap-") for u in index)
    for kind in index:
        found = locs(client, kind.removeprefix("https://news.example.com"))
        assert all(u.startswith("https://news.example.com/") for u in found), kind
    assert "https://news.example.com" + published_article.get_absolute_url() in locs(client, "/sitemap-articles.xml")
