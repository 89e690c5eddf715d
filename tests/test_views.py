import pytest
from django.utils import timezone

from articles.models import Article


def test_home_lists_published_only(client, published_article, make_article):
    make_article(title="尚未发布的稿件")
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "澎湃消费强引擎" in html
    assert "尚未发布的稿件" not in html


def test_published_article_200(client, published_article):
    response = client.get(published_article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "澎湃消费强引擎" in html
    assert "<h3>集聚发展</h3>" in html  # subhead block rendered as a heading
    assert "丁倩倩" in html


def test_draft_404(client, make_article):
    draft = make_article()
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/articles/{draft.pk}/").status_code == 404


def test_missing_article_404(client, db):
    assert client.get("/articles/2024/01/01/999999-nothing/").status_code == 404


@pytest.mark.parametrize("wrong", ["/articles/2000/01/01/{pk}-{slug}/", "/articles/{date}/{pk}-old-slug/", "/articles/{pk}/"])
def test_non_canonical_url_redirects(client, published_article, wrong):
    a = published_article
    url = wrong.format(pk=a.pk, slug=a.slug, date=f"{timezone.localdate(a.published_at):%Y/%m/%d}")
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == a.get_absolute_url()


def test_html_is_escaped(client, make_article):
    article = make_article(title="<script>alert(1)</script>", status=Article.Status.PUBLISHED, published_at=timezone.now())
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_reporter_page(client, published_article, make_article):
    reporter = published_article.bylines.get().reporter
    response = client.get(reporter.get_absolute_url())
    assert response.status_code == 200
    assert "澎湃消费强引擎" in response.content.decode()
    assert client.get("/reporters/nobody/").status_code == 404


def test_home_query_count_is_bounded(client, published_article, make_article, django_assert_max_num_queries):
    for i in range(5):
        make_article(title=f"稿件{i}", status=Article.Status.PUBLISHED, published_at=timezone.now())
    with django_assert_max_num_queries(4):
        client.get("/")


def test_admin_lists_load(admin_client, published_article):
    for url in ["/admin/articles/article/", "/admin/articles/sourcepage/", "/admin/articles/reporter/",
                "/admin/articles/column/", "/admin/articles/section/",
                f"/admin/articles/article/{published_article.pk}/change/"]:
        assert admin_client.get(url).status_code == 200, url
