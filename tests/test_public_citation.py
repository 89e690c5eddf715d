"""Highwire citation_* tags and the GB/T 7714 引用本文 box on the article page."""

from __future__ import annotations

import html as htmllib
import re
from datetime import date

import pytest

from articles.models import Byline, Reporter
from public.citation import Citation

pytestmark = pytest.mark.django_db


def meta(page: str, name: str) -> list[str]:
    return [htmllib.unescape(v) for v in re.findall(rf'<meta name="{name}" content="([^"]*)">', page)]


def test_citation_tags_and_box(client, published_article):
    page = published_article.source_page
    page.edition_date, page.number = date(2024, 3, 15), 5
    page.save()
    Byline.objects.create(article=published_article, reporter=Reporter.objects.create(name="王凯", slug="wang"), position=2)
    html = client.get(published_article.get_absolute_url()).content.decode()
    assert meta(html, "citation_title") == ["青岛电商“聚变”，澎湃消费强引擎"]
    assert meta(html, "citation_author") == ["丁倩倩", "王凯"]
    assert meta(html, "citation_journal_title") == ["青岛日报"]
    assert meta(html, "citation_publication_date") == ["2024/03/15"]
    assert meta(html, "citation_firstpage") == ["5"]
    assert meta(html, "citation_language") == ["zh"]
    assert "引用本文" in html
    assert htmllib.escape("丁倩倩, 王凯. 青岛电商“聚变”，澎湃消费强引擎[N]. 青岛日报, 2024-03-15(5).") in html


def test_gbt7714_more_than_three_authors_and_no_page():
    cite = Citation(title="题名", authors=["甲", "乙", "丙", "丁"], paper="青岛日报", date=date(2000, 11, 20), page="")
    assert cite.gbt7714 == "甲, 乙, 丙, 等. 题名[N]. 青岛日报, 2000-11-20."
    assert Citation(title="题名", authors=[], paper="报", date=None, page="A01").gbt7714 == "题名[N]. 报(A01)."


def test_the_paper_cited_is_the_issues_publication_not_the_pages_outlet(client, published_article):
    from articles.models import Issue, Publication

    page = published_article.source_page
    issue = Issue.objects.create(publication=Publication.objects.create(name="青岛日报", slug="qingdao-ribao"),
                                 edition_date=date(2025, 2, 28))
    page.issue, page.edition_date, page.number, page.outlet = issue, issue.edition_date, 2, "青岛日报/观海新闻"
    page.save()
    html = client.get(published_article.get_absolute_url(), follow=True).content.decode()
    assert meta(html, "citation_journal_title") == ["青岛日报"]
    assert "[N]. 青岛日报, 2025-02-28(2)." in html
