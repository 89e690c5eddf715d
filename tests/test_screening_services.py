"""screening.services: the word file import, the stored hits after every save and after a list change."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.test import TestCase

from articles.models import Article
from editorial import services as desk
from screening.matching import BANNED, NOTICE
from screening.models import ArticleScreening, SensitiveWord
from screening.services import articles_screen, parse_word_line, words_import
from tests.desk import desk as desk_users, fresh, page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("赌博", ("赌博", "", BANNED)),
        ("网贷 , 金融", ("网贷", "金融", BANNED)),
        ("网贷,金融,notice", ("网贷", "金融", NOTICE)),
        ("网贷，金融，提示", ("网贷", "金融", NOTICE)),
        ("走私,,禁用", ("走私", "", BANNED)),
        ("走私,,banned", ("走私", "", BANNED)),
    ],
)
def test_a_word_line(line, expected):
    word = parse_word_line(line)
    assert (word.word, word.category, word.severity) == expected


@pytest.mark.parametrize("line", [",金融", "走私,违法,forbidden", "a,b,c,d", "长" * 101])
def test_a_line_that_is_not_a_word(line):
    assert parse_word_line(line) is None


def test_import_adds_updates_and_reactivates_words():
    SensitiveWord.objects.create(word="网贷", category="旧", severity=BANNED, active=False)
    result = words_import(lines=["\ufeff# a comment", "", "赌博,违法", "网贷,金融,提示", "乱码,,坏", "赌博,违法,禁用"])
    assert (result.created, result.updated, result.skipped) == (1, 1, ["乱码,,坏"])
    assert set(SensitiveWord.objects.values_list("word", "category", "severity", "active")) == {
        ("赌博", "违法", BANNED, True), ("网贷", "金融", NOTICE, True),
    }


def test_the_import_command_reads_a_file(tmp_path, capsys):
    path = tmp_path / "words.txt"
    path.write_text("赌博,违法,banned\n网贷,金融,notice\n\n", encoding="utf-8")
    call_command("import_sensitive_words", str(path))
    assert "2 new, 0 updated, 0 skipped" in capsys.readouterr().out
    assert SensitiveWord.objects.count() == 2


def test_hits_are_stored_with_counts(make_article):
    words_import(lines=["赌博", "网贷,,notice"])
    article = make_article(title="赌博与网贷", body="网贷平台\n\n■ 图为赌博现场。")
    assert articles_screen(article_ids=[article.pk, 10**9]) == 1  # a deleted id is skipped
    screening = ArticleScreening.objects.get(article=article)
    assert (screening.banned_count, screening.notice_count) == (2, 2)
    assert [(h["word"], h["field"], h["block"], h["start"]) for h in screening.hits] == [
        ("赌博", "title", None, 0), ("网贷", "title", None, 3), ("网贷", "body", 0, 0), ("赌博", "caption", 1, 2),
    ]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Django writes UNNEST arrays on PostgreSQL only")
def test_a_batch_of_hits_is_stored_as_rows_of_values(make_article):
    # psycopg would escape each article's hits inside a text array in Python, quote by quote.
    words_import(lines=["赌博"])
    articles = [make_article(title=f"赌博{i}", body="赌博") for i in range(3)]
    with CaptureQueriesContext(connection) as queries:
        articles_screen(article_ids=[a.pk for a in articles])
    (insert,) = [q["sql"] for q in queries if q["sql"].startswith("INSERT")]
    assert "UNNEST" not in insert and "VALUES" in insert
    assert sorted(ArticleScreening.objects.values_list("banned_count", flat=True)) == [2, 2, 2]


def test_a_draft_edit_refreshes_the_stored_hits(desk_users, page, announcements):
    words_import(lines=["赌博"])
    editor, article = desk_users("editor"), page[0]
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DRAFT)
    article = fresh(article)
    with announcements(deliver=True):
        article.body += "\n\n这里写到了赌博。"
        desk.article_store(article=article, user=editor, seen_version=article.version)
    assert ArticleScreening.objects.get(article=article).banned_count == 1
    with announcements(deliver=True):
        article = fresh(article)
        article.body = article.body.replace("赌博", "博弈")
        desk.article_store(article=article, user=editor, seen_version=article.version)
    assert ArticleScreening.objects.get(article=article).banned_count == 0


def test_a_word_added_rescreens_the_archive(page):
    articles_screen(article_ids=[page[0].pk, page[2].pk])  # page[1] was never screened (imported before the app)
    assert not ArticleScreening.objects.filter(banned_count__gt=0).exists()
    # The admin saves one word: post_save gives a new generation; the task runs on commit (at once in tests).
    with TestCase.captureOnCommitCallbacks(execute=True):
        SensitiveWord.objects.create(word="港口", severity=BANNED)
    assert list(ArticleScreening.objects.filter(banned_count__gt=0).values_list("article", flat=True)) == [page[1].pk]
    with TestCase.captureOnCommitCallbacks(execute=True):
        SensitiveWord.objects.filter(word="港口").delete()
    assert not ArticleScreening.objects.filter(banned_count__gt=0).exists()
