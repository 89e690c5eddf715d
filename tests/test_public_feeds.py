"""RSS and Atom feeds parse as XML and list only published articles."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from articles.models import Article, Byline, Reporter, Section

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture
def stories(published_article, make_article):
    section = Section.objects.create(name="经济", slug="jingji-feed")
    published_article.section = section
    published_article.save()
    make_article(title="草稿不进订阅", section=section)
    return published_article


def test_site_rss(client, stories):
    channel = ET.fromstring(client.get("/feeds/rss/").content).find("channel")
    titles = [item.findtext("title") for item in channel.iter("item")]
    assert titles == [stories.title]
    item = channel.find("item")
    assert item.findtext("link").endswith(stories.get_absolute_url())
    assert "丁倩倩" in ET.tostring(item, encoding="unicode")
    assert channel.findtext("language") == "zh-cn"


def test_site_atom(client, stories):
    feed = ET.fromstring(client.get("/feeds/atom/").content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [stories.title]
    assert entries[0].find(f"{ATOM}author").findtext(f"{ATOM}name") == "丁倩倩"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_section_and_reporter_feeds(client, stories, make_article, kind):
    make_article(title="别的版块", status=Article.Status.PUBLISHED, published_at=timezone.now())
    for url in [f"/sections/jingji-feed/{kind}/", f"/reporters/ding-qianqian/{kind}/"]:
        body = client.get(url).content.decode()
        ET.fromstring(body)
        assert stories.title in body and "别的版块" not in body and "草稿不进订阅" not in body, url
    assert client.get(f"/sections/nothing/{kind}/").status_code == 404


# What an import or the desk may write, meant as text: a feed reader must show it, never run it.
HOSTILE = {
    "title": "<b>青岛</b>港口",
    "subtitle": '"><img src=x onerror=alert(1)>',
    "reporter": "<script>alert(1)</script>",
    "section": "<i>经济</i>",
}


@pytest.fixture
def hostile(published_article):
    section = Section.objects.create(name=HOSTILE["section"], slug="jingji-hostile")
    Article.objects.filter(pk=published_article.pk).update(
        title=HOSTILE["title"], subtitle=HOSTILE["subtitle"], section=section
    )
    Reporter.objects.filter(bylines__article=published_article).update(name=HOSTILE["reporter"])
    return published_article


def _shown_as_text(element_text: str, meant: str) -> None:
    """How a reader renders an element it takes for HTML: no tag survives, and unescaping gives back the text."""
    assert "<" not in element_text
    assert html.unescape(element_text) == meant


@pytest.mark.parametrize("url", ["/feeds/rss/", "/sections/jingji-hostile/rss/", "/reporters/ding-qianqian/rss/"])
def test_rss_carries_no_live_markup(client, hostile, url):
    # RSS has no way to mark an element as plain text, so readers treat all of these as HTML.
    channel = ET.fromstring(client.get(url).content).find("channel")
    item = channel.find("item")
    _shown_as_text(item.findtext("title"), HOSTILE["title"])
    _shown_as_text(item.findtext("description"), HOSTILE["subtitle"])
    _shown_as_text(item.findtext(f"{DC}creator"), HOSTILE["reporter"])
    _shown_as_text(item.findtext("category"), HOSTILE["section"])
    for name in ["title", "description"]:
        assert "<" not in channel.findtext(name), name
    if "sections" in url:
        assert html.unescape(channel.findtext("title")).endswith(HOSTILE["section"])
    if "reporters" in url:
        assert html.unescape(channel.findtext("title")).endswith(HOSTILE["reporter"])


@pytest.mark.parametrize("url", ["/feeds/atom/", "/sections/jingji-hostile/atom/", "/reporters/ding-qianqian/atom/"])
def test_atom_summary_carries_no_live_markup(client, hostile, url):
    feed = ET.fromstring(client.get(url).content)
    entry = feed.find(f"{ATOM}entry")
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    _shown_as_text(summary.text, HOSTILE["subtitle"])
    # Atom's title, name and category are type="text": readers show them as they are.
    assert entry.findtext(f"{ATOM}title") == HOSTILE["title"]
    assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name") == HOSTILE["reporter"]
    assert entry.find(f"{ATOM}category").get("term") == HOSTILE["section"]


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("status", [Article.Status.SCHEDULED, Article.Status.IMPORTED])
def test_a_reporter_with_nothing_public_has_no_feed(client, make_article, status, kind):
    article = make_article(title="尚未见报", status=status)
    reporter = Reporter.objects.create(name="白晓", slug="bai-xiao")
    Byline.objects.create(article=article, reporter=reporter, role="记者", position=1)
    # The feed answers as the reporter's page does: imports create reporters for drafts too.
    assert client.get("/reporters/bai-xiao/").status_code == 404
    assert client.get(f"/reporters/bai-xiao/{kind}/").status_code == 404
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED, published_at=timezone.now())
    assert "尚未见报" in client.get(f"/reporters/bai-xiao/{kind}/").content.decode()


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_section_feed_answers_as_its_page_does_and_lists_only_public_articles(client, make_article, kind):
    # Sections are the paper's fixed structure (fixtures), listed in the site's menu, so an empty one is no secret.
    section = Section.objects.create(name="体育", slug="tiyu-feed")
    make_article(title="定时稿件", section=section, status=Article.Status.SCHEDULED)
    assert client.get("/sections/tiyu-feed/").status_code == 200
    response = client.get(f"/sections/tiyu-feed/{kind}/")
    assert response.status_code == 200 and "定时稿件" not in response.content.decode()


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/", "/reporters/ding-qianqian/rss/", "/reporters/ding-qianqian/atom/"])
def test_every_link_of_a_feed_is_on_the_configured_site_url(client, published_article, settings, url):
    import re

    settings.SITE_URL = "https://news.example.com"
    body = client.get(url).content.decode()
    links = re.findall(r'<link>([^<]+)</link>|<link [^>]*href="([^"]+)"|<atom:link href="([^"]+)"|<id>([^<]+)</id>', body)
    links = [next(filter(None, groups)) for groups in links]
    assert links and all(link.startswith("https://news.example.com/") for link in links), links
    assert f"https://news.example.com{url}" in links  # its self link
    assert "https://news.example.com" + published_article.get_absolute_url() in links
