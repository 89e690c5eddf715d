"""/corrections/ and the 纠错 form: public corrections only; reports stored for the desk, never shown."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from articles.models import Article
from public.corrections import REPORTS_PER_HOUR, client_address
from public.models import ReaderReport
from search.services import index_articles

pytestmark = pytest.mark.django_db


def test_the_archive_lists_public_corrections_only(client, make_article):
    now = timezone.now()
    shown = make_article(title="更正的稿件", status=Article.Status.CORRECTED, published_at=now, correction="日期应为3月5日。")
    make_article(title="撤下的稿件", status=Article.Status.UNPUBLISHED, published_at=now, correction="撤稿前的更正。")
    make_article(title="草稿", status=Article.Status.DRAFT, correction="草稿里的更正。")
    make_article(title="已发布", status=Article.Status.PUBLISHED, published_at=now, correction="未公开的说明。")
    html = client.get("/corrections/").content.decode()
    assert "更正的稿件" in html and "日期应为3月5日。" in html
    for hidden in ["撤稿前的更正。", "草稿里的更正。", "未公开的说明。"]:
        assert hidden not in html


def test_the_archive_is_newest_first_and_paginated(client, make_article):
    made = [make_article(title=f"稿件{i}号", status=Article.Status.CORRECTED, published_at=timezone.now(),
                         correction=f"更正{i}") for i in range(21)]
    first = client.get("/corrections/").content.decode()
    assert first.index("稿件20号") < first.index("稿件19号") and "稿件0号" not in first
    assert "稿件0号" in client.get("/corrections/", {"page": 2}).content.decode()
    assert len(made) == 21


def test_a_report_is_stored_for_the_desk(client, published_article):
    page = client.get(published_article.get_absolute_url()).content.decode()
    assert f'href="/articles/{published_article.pk}/report/"' in page and "纠错" in page
    assert "csrfmiddlewaretoken" in client.get(f"/articles/{published_article.pk}/report/").content.decode()
    response = client.post(f"/articles/{published_article.pk}/report/", {"text": "  “聚变”应为“巨变”。 ", "contact": ""})
    assert response.status_code == 200 and "谢谢" in response.content.decode()
    report = ReaderReport.objects.get()
    assert (report.article, report.text, report.handled) == (published_article, "“聚变”应为“巨变”。", False)


def test_a_report_needs_the_csrf_token(published_article):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(f"/articles/{published_article.pk}/report/", {"text": "错字"}).status_code == 403
    assert not ReaderReport.objects.exists()


def test_reports_are_limited_per_address(client, published_article):
    url = f"/articles/{published_article.pk}/report/"
    for _ in range(REPORTS_PER_HOUR):
        assert client.post(url, {"text": "错字"}).status_code == 200
    assert client.post(url, {"text": "错字"}).status_code == 429
    assert client.post(url, {"text": "错字"}, REMOTE_ADDR="10.0.0.9").status_code == 200  # another reader
    assert ReaderReport.objects.count() == REPORTS_PER_HOUR + 1


def test_behind_the_proxy_readers_are_limited_each_by_their_own_address(client, published_article, settings):
    settings.NEWSROOM_TRUSTED_PROXY_COUNT = 1
    url = f"/articles/{published_article.pk}/report/"
    proxy = {"REMOTE_ADDR": "10.0.0.1"}  # every request reaches the web through the proxy
    for _ in range(REPORTS_PER_HOUR):
        assert client.post(url, {"text": "错字"}, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 200
    assert client.post(url, {"text": "错字"}, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 429
    # A made-up entry before the proxy's own does not make a reader someone else.
    spoofed = "198.51.100.77, 203.0.113.5"
    assert client.post(url, {"text": "错字"}, HTTP_X_FORWARDED_FOR=spoofed, **proxy).status_code == 429
    assert client.post(url, {"text": "错字"}, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 200


@pytest.mark.parametrize(("count", "forwarded", "expected"), [
    (0, "203.0.113.5", "10.0.0.1"),  # off (the default): the header is anyone's to write
    (1, "203.0.113.5", "203.0.113.5"),
    (1, "198.51.100.77, 203.0.113.5", "203.0.113.5"),  # the client's own entries are ignored
    (2, "198.51.100.77, 203.0.113.5, 10.0.0.2", "203.0.113.5"),  # a CDN, then nginx
    (2, "203.0.113.5", "10.0.0.1"),  # fewer entries than proxies: not through them all
    (1, "", "10.0.0.1"),
    (1, "unknown", "10.0.0.1"),
    (1, "2001:db8::1", "2001:db8::1"),
])
def test_the_client_address_comes_from_the_trusted_proxies(settings, count, forwarded, expected):
    settings.NEWSROOM_TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_an_overlong_or_empty_report_is_refused(client, published_article):
    url = f"/articles/{published_article.pk}/report/"
    assert "textarea" in client.post(url, {"text": "错" * 1001}).content.decode()
    client.post(url, {"text": "   "})
    assert not ReaderReport.objects.exists()


def test_no_report_on_a_draft(client, make_article):
    draft = make_article(status=Article.Status.DRAFT)
    assert client.get(f"/articles/{draft.pk}/report/").status_code == 404
    assert client.post(f"/articles/{draft.pk}/report/", {"text": "错字"}).status_code == 404
    assert not ReaderReport.objects.exists()


def test_a_report_never_appears_publicly(client, published_article):
    index_articles(article_ids=[published_article.pk])
    secret = "读者的私信内容"
    client.post(f"/articles/{published_article.pk}/report/", {"text": secret, "contact": "reader@example.com"})
    assert ReaderReport.objects.filter(text=secret).exists()
    for url in [published_article.get_absolute_url(), "/corrections/", "/", "/search/?q=电商", "/feeds/rss/"]:
        body = client.get(url).content.decode()
        assert secret not in body and "reader@example.com" not in body, url


def test_the_desk_lists_reports_in_the_admin(admin_client, published_article):
    ReaderReport.objects.create(article=published_article, text="标题错字")
    html = admin_client.get("/admin/public/readerreport/").content.decode()
    assert "标题错字" in html


def test_the_form_labels_end_in_chinese_punctuation_only(client, published_article):
    html = client.get(f"/articles/{published_article.pk}/report/").content.decode()
    assert "？:" not in html and "）:" not in html
