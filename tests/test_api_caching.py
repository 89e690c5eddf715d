"""api.caching: answers revalidate by ETag (304 while nothing changed), and a story taken down is gone at once."""

from __future__ import annotations

import pytest
from django.test import override_settings

from articles.models import Article

pytestmark = pytest.mark.django_db


def test_an_unchanged_answer_is_a_304_for_one_query(client, published_article, django_assert_num_queries):
    url = f"/api/v1/articles/{published_article.pk}"
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    with django_assert_num_queries(1):  # the ETag's aggregate, and not the article
        again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == first["ETag"] and again["Cache-Control"] == first["Cache-Control"]


def test_an_unpublished_article_is_gone_from_the_next_request(client, published_article, make_article):
    other = make_article(title="另一篇", status=Article.Status.PUBLISHED, published_at=published_article.published_at)
    url = f"/api/v1/articles/{published_article.pk}"
    since = "2000-01-01T00:00:00Z"
    seen = client.get(url)
    listed = client.get("/api/v1/changes", {"since": since})
    assert seen.status_code == 200 and len(listed.json()["items"]) == 2

    published_article.status = Article.Status.UNPUBLISHED
    published_article.save()

    # Sending the ETag it had, a client (or a proxy) is not told to keep its copy.
    gone = client.get(url, headers={"if-none-match": seen["ETag"]})
    assert gone.status_code == 404 and gone["ETag"] != seen["ETag"]
    changed = client.get("/api/v1/changes", {"since": since}, headers={"if-none-match": listed["ETag"]})
    assert changed.status_code == 200
    assert [item["uri"].rsplit("/", 1)[1] for item in changed.json()["items"]] == [str(other.pk)]
    assert changed.json()["removed"] == [published_article.pk]


def test_a_deleted_article_changes_the_etag(client, published_article, make_article):
    older = make_article(title="旧稿", status=Article.Status.PUBLISHED, published_at=published_article.published_at)
    Article.objects.filter(pk=older.pk).update(updated_at=published_article.updated_at.replace(year=2020))
    before = client.get("/api/v1/changes", {"since": "2000-01-01T00:00:00Z"})
    older.delete()  # neither the newest change nor the newest id
    after = client.get("/api/v1/changes", {"since": "2000-01-01T00:00:00Z"}, headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200 and len(after.json()["items"]) == 1


@override_settings(API_CACHE_SECONDS=30)
def test_clients_may_keep_answers_as_long_as_the_setting_says(client):
    assert client.get("/api/v1/publications")["Cache-Control"] == "public, max-age=30, must-revalidate"
