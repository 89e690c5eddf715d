"""Cached public pages change as soon as what they show changes."""

from __future__ import annotations

from django.utils import timezone

from articles.models import Article, Byline, Reporter
from articles.signals import announce_changed


def test_second_visit_is_served_from_the_cache(client, published_article, django_assert_num_queries):
    url = published_article.get_absolute_url()
    first = client.get(url).content
    with django_assert_num_queries(0):
        assert client.get(url).content == first


def test_publishing_shows_the_article_on_cached_pages(client, published_article, make_article):
    client.get("/")
    draft = make_article(title="刚刚发布的稿件")
    assert "刚刚发布的稿件" not in client.get("/").content.decode()
    draft.status, draft.published_at = Article.Status.PUBLISHED, timezone.now()
    draft.save()
    assert "刚刚发布的稿件" in client.get("/").content.decode()


def test_edits_queryset_updates_and_signal_refresh_the_page(client, published_article, announcements):
    url = published_article.get_absolute_url()
    client.get(url)
    # A bulk update sends no post_save; the desk and the importer announce the change.
    with announcements(deliver=True):
        Article.objects.filter(pk=published_article.pk).update(subtitle="新的副题")
        announce_changed([published_article.pk])
    assert "新的副题" in client.get(url).content.decode()


def test_byline_changes_and_unpublishing_refresh_the_page(client, published_article):
    url = published_article.get_absolute_url()
    client.get(url)
    Byline.objects.create(article=published_article, reporter=Reporter.objects.create(name="王凯", slug="wk"), position=2)
    assert "王凯" in client.get(url).content.decode()
    published_article.status = Article.Status.UNPUBLISHED
    published_article.save()
    assert client.get(url).status_code == 404


def test_deleting_refreshes_the_page(client, published_article):
    url = published_article.get_absolute_url()
    client.get(url)
    published_article.delete()
    assert client.get(url).status_code == 404


def test_an_editors_decision_on_a_related_link_refreshes_the_page(client, published_article, make_article):
    from linking.models import RelatedLink
    from linking.services.related import link_decide

    target = make_article(title="相关的稿件", status=Article.Status.PUBLISHED, published_at=timezone.now())
    link = RelatedLink.objects.create(source=published_article, target=target, score=0.1, reasons=["同一记者: 丁倩倩"])
    url = published_article.get_absolute_url()
    assert "相关的稿件" not in client.get(url).content.decode()  # a weak suggestion: not shown, page cached

    link_decide(link=link, status=RelatedLink.Status.PINNED)

    assert "相关的稿件" in client.get(url).content.decode()


def test_relinking_refreshes_the_page(client, published_article, monkeypatch):
    from linking.services import refresh

    url = published_article.get_absolute_url()
    client.get(url)
    # Extraction writes tags and mentions in bulk, which sends no save signals.
    monkeypatch.setattr(refresh, "articles_extract", lambda *, article_ids: list(article_ids))
    Article.objects.filter(pk=published_article.pk).update(subtitle="重新关联之后")

    refresh.articles_link(article_ids=[published_article.pk])

    assert "重新关联之后" in client.get(url).content.decode()
