from __future__ import annotations

from datetime import date

from django.utils import timezone

from articles.models import Article, Byline, Column, Reporter
from public.templatetags.listing import article_item


def test_an_entry_shows_its_column_headline_reporters_and_the_editions_date(make_article, source_page):
    source_page.edition_date = date(2024, 8, 6)
    source_page.save()
    column = Column.objects.create(name="某某<观察>", slug="moumou-guancha")
    article = make_article(title="某某新闻 & 评论", status=Article.Status.PUBLISHED, published_at=timezone.now(), column=column)
    for position, (name, slug) in enumerate([("张某", "zhang-mou"), ("李某", "li-mou")], start=1):
        Byline.objects.create(article=article, reporter=Reporter.objects.create(name=name, slug=slug), position=position)
    article = Article.objects.for_listing().get(pk=article.pk)
    html = article_item(article)
    assert html == (
        '<li class="item"><a class="column" href="/columns/moumou-guancha/">某某&lt;观察&gt;</a>'
        f'<a class="headline" href="{article.get_absolute_url()}">某某新闻 &amp; 评论</a>'
        '<div class="meta"><a href="/reporters/zhang-mou/">张某</a>、<a href="/reporters/li-mou/">李某</a> '
        '<time datetime="2024-08-06">2024年8月6日</time></div></li>'
    )


def test_an_unpublished_entry_has_no_date_but_keeps_its_column_link(make_article):
    column = Column.objects.create(name="某某观察", slug="moumou-guancha")
    html = article_item(Article.objects.for_listing().get(pk=make_article(title="某某", column=column).pk))
    assert "<time" not in html
    assert '<a class="column" href="/columns/moumou-guancha/">某某观察</a>' in html


def test_an_entry_without_a_column_has_no_column_link(make_article):
    html = article_item(make_article(title="某某", status=Article.Status.PUBLISHED, published_at=timezone.now()))
    assert 'class="column"' not in html and "<time" in html
