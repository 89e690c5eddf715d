from __future__ import annotations

import pytest
from django.db.models import Prefetch
from django.utils import timezone

from articles.models import Article, Byline, Reporter
from articles.prepared import Prepared


def _with_bylines(pk):
    return (
        Article.objects.published().select_related("source_page")
        .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("reporter")))
        .filter(pk=pk)
    )


def test_each_call_reads_with_its_own_arguments(make_article):
    first, second = (make_article(title=t, status=Article.Status.PUBLISHED, published_at=timezone.now()) for t in "甲乙")
    by_pk = Prepared(lambda pk: Article.objects.filter(pk=pk), "pk")
    assert by_pk(pk=first.pk) == [first]
    assert by_pk(pk=second.pk) == [second]
    assert by_pk(pk=second.pk + 1000) == []


def test_rows_are_what_the_queryset_gives_joins_and_prefetches_included(
    published_article, make_article, django_assert_num_queries
):
    make_article(title="草稿")  # a draft: the queryset's own filter still applies
    prepared = Prepared(_with_bylines, "pk")
    prepared(pk=published_article.pk)  # compiled on the first call
    with django_assert_num_queries(2):  # the article with its page, then its bylines
        [article] = prepared(pk=published_article.pk)
        assert article.source_page.file_name == published_article.source_page.file_name
        assert [b.reporter.name for b in article.bylines.all()] == ["丁倩倩"]
    assert list(_with_bylines(published_article.pk)) == [article]


def test_ids_no_column_can_hold_find_nothing(make_article):
    by_pk = Prepared(lambda pk: Article.objects.filter(pk=pk), "pk")
    assert by_pk(pk=99999999999999999999) == []


def test_an_argument_the_sql_never_sees_is_refused(make_article):
    reporter = Reporter.objects.create(name="丁倩倩", slug="ding")
    ignoring = Prepared(lambda pk: Reporter.objects.all(), "pk")
    with pytest.raises(ValueError, match="pk"):
        ignoring(pk=reporter.pk)
    with pytest.raises(TypeError):
        Prepared(lambda pk: Reporter.objects.filter(pk=pk), "pk")(id=reporter.pk)
