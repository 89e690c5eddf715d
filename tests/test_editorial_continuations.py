"""Joining and unlinking jump parts (转版) on the desk, when the importer did not pair them."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article, Issue, Publication, SourcePage
from editorial.errors import InvalidOperation
from editorial.operations import article_join_continuation, article_unlink_continuation
from tests.desk import desk, fresh, page  # noqa: F401  (fixtures)

S = Article.Status


@pytest.fixture
def later(page) -> Article:
    """page[0] on 第01版 of an issue, and a story on 第02版 of it that continues it, unpaired."""
    issue = Issue.objects.create(publication=Publication.objects.create(name="青岛日报", slug="qdrb"),
                                 edition_date=date(2025, 2, 28))
    SourcePage.objects.filter(pk=page[0].source_page_id).update(issue=issue, number=1)
    second = SourcePage.objects.create(file_name="02.txt", sha256="2" * 64, raw_text="（上接第一版）后文。", issue=issue, number=2)
    part = Article(source_page=second, position=1, span_start=0, span_end=10, body="后文。", status=S.IMPORTED,
                   continued_from="第一版")
    part.full_clean()
    part.save()
    return part


def test_an_editor_joins_the_later_part_and_unlinks_it(desk, page, later):
    editor = desk("editor")
    article_join_continuation(article=later, user=editor, first=fresh(page[0]))
    assert fresh(later).continuation_of_id == page[0].pk
    assert [p.pk for p in fresh(page[0]).parts] == [page[0].pk, later.pk]
    article_unlink_continuation(article=fresh(later), user=editor)
    assert fresh(later).continuation_of_id is None


def test_public_stories_are_not_rejoined(desk, page, later):
    Article.objects.filter(pk=page[0].pk).update(status=S.PUBLISHED)
    with pytest.raises(InvalidOperation, match="撤稿"):
        article_join_continuation(article=later, user=desk("chief"), first=fresh(page[0]))


def test_parts_must_share_an_issue_and_not_chain(desk, page, later):
    editor = desk("editor")
    with pytest.raises(InvalidOperation):
        article_join_continuation(article=fresh(page[1]), user=editor, first=fresh(page[0]))  # the same page
    with pytest.raises(InvalidOperation):
        article_join_continuation(article=later, user=editor, first=later)
    article_join_continuation(article=later, user=editor, first=fresh(page[0]))
    with pytest.raises(InvalidOperation):
        article_join_continuation(article=fresh(page[2]), user=editor, first=fresh(later))


def test_the_review_page_offers_the_join_and_the_unlink(desk, page, later):
    client = Client()
    client.force_login(desk("editor"))
    review = reverse("editorial:review", args=[later.pk])
    html = client.get(review).content.decode()
    assert 'id="join-form"' in html and f'<option value="{page[0].pk}">01 · ' in html
    client.post(reverse("editorial:continuation", args=[later.pk]), {"version": later.version, "first": page[0].pk})
    joined = fresh(later)
    assert joined.continuation_of_id == page[0].pk
    html = client.get(review).content.decode()
    assert "解除接续" in html and 'id="join-form"' not in html
    client.post(reverse("editorial:continuation", args=[later.pk]), {"version": joined.version, "unlink": "on"})
    assert fresh(later).continuation_of_id is None
