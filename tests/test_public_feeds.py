"""RSS and Atom feeds parse as XML and list only published articles."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from articles.models import Article, Section

ATOM = "{http://www.w3.org/2005/Atom}"


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
