"""Search finds exactly the articles containing a Chinese word, on every database.

Wagtail style: the behaviour lives in a mixin, and each vendor's subclass
runs only on its own database (SQLite by default, PostgreSQL with DATABASE_URL).
"""

from __future__ import annotations

from unittest import skipUnless

import pytest
from django.db import connection
from django.test import TestCase

from articles.models import Article
from articles.services.importing import pages_import
from articles.signals import announce_changed
from search.backends import get_backend
from search.selectors import search_filter, search_ranked
from tests.seedpages import SEED_PREFIXES, seed_path

WORDS = ["电商", "跨境电商", "崂山区", "青岛", "平度", "西海岸新区", "微短剧", "直播"]


def text_of(article: Article) -> str:
    # Fields on separate lines, so no word is made across two fields.
    return "\n".join([article.kicker, article.title, article.subtitle, article.body, article.dateline])


class SearchBackendTests:
    vendor: str

    @classmethod
    def setUpTestData(cls):
        # In the seeds' old order (000 … 004), so the withdrawn quarter below is the same articles.
        with cls.captureOnCommitCallbacks(execute=True):  # the index follows the committed import
            pages_import(paths=[seed_path(prefix) for prefix in SEED_PREFIXES], publish=True)
        # Some stories withdrawn again, and announced as every writer does: readers' search must leave them out.
        withdrawn = list(Article.objects.order_by("pk").values_list("pk", flat=True))[1::4]
        Article.objects.filter(pk__in=withdrawn).update(status=Article.Status.DRAFT)
        with cls.captureOnCommitCallbacks(execute=True):
            announce_changed(withdrawn)

    def test_backend_is_the_vendors(self):
        self.assertEqual(get_backend(connection).vendor, self.vendor)

    def test_results_are_exactly_the_published_articles_containing_the_word(self):
        published = list(Article.objects.published())
        for word in WORDS:
            with self.subTest(word=word):
                expected = {a.pk for a in published if word in text_of(a)}
                self.assertTrue(expected, f"seed pages no longer contain {word}")
                self.assertEqual(set(search_ranked(word)), expected)

    def test_editors_search_every_status(self):
        everything = list(Article.objects.all())
        expected = {a.pk for a in everything if "电商" in text_of(a)}
        self.assertEqual(set(search_filter(Article.objects.all(), "电商").values_list("pk", flat=True)), expected)
        self.assertTrue(Article.objects.filter(pk__in=expected).exclude(status__in=Article.PUBLIC_STATUSES).exists())

    def test_longer_words_find_the_shorter_one(self):
        # 青岛市 and 青岛港 are single jieba words; 青岛 must still find them.
        hits = set(search_ranked("青岛"))
        for longer in ("青岛市", "青岛港"):
            with_longer = {a.pk for a in Article.objects.published() if longer in text_of(a)}
            self.assertLessEqual(with_longer, hits, longer)

    def test_no_hit_inside_another_word(self):
        article = Article.objects.published().first()
        article.body += "\n\n店铺位于北京东路。"
        article.save()
        from search.services import index_articles

        index_articles(article_ids=[article.pk])
        self.assertEqual(list(search_ranked("京东")), [])
        self.assertIn(article.pk, search_ranked("北京"))

    def test_several_words_are_anded(self):
        both = {a.pk for a in Article.objects.published() if "青岛" in text_of(a) and "直播" in text_of(a)}
        self.assertEqual(set(search_ranked("青岛 直播")), both)

    def test_title_hits_come_first(self):
        found = Article.objects.in_bulk(search_ranked("电商"))
        results = [found[pk] for pk in search_ranked("电商")]
        in_title = [("电商" in f"{a.kicker}{a.title}{a.subtitle}") for a in results]
        self.assertIn(True, in_title)
        self.assertIn(False, in_title)
        self.assertEqual(in_title, sorted(in_title, reverse=True))


@skipUnless(connection.vendor == "sqlite", "SQLite only")
class SQLiteSearchTests(SearchBackendTests, TestCase):
    vendor = "sqlite"


@skipUnless(connection.vendor == "postgresql", "PostgreSQL only")
class PostgresSearchTests(SearchBackendTests, TestCase):
    vendor = "postgresql"


def test_other_vendors_get_the_substring_backend():
    class OtherDatabase:
        vendor = "oracle"

    assert get_backend(OtherDatabase()).vendor == "fallback"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_a_whole_word_is_read_on_the_index_and_the_hint_ends_with_it(make_article):
    from search.services import index_articles

    article = make_article(status=Article.Status.PUBLISHED, title="青岛港", body="正文。")
    index_articles(article_ids=[article.pk])
    executed = []
    with connection.execute_wrapper(lambda execute, sql, *args: executed.append(sql) or execute(sql, *args)):
        ((ids, headline_ids),) = get_backend().word_ids([("青岛港",)])
    assert ids.tolist() == headline_ids.tolist() == [article.pk]
    assert "SET LOCAL enable_seqscan = off" in executed  # a long GIN pending list no longer turns it into a scan
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone() == ("on",)
