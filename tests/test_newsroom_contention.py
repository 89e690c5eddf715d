"""Editors' saves and imports at the same time: each is stored or refused, none fails or is lost.

Covers the lock order of editorial.saving against articles.services.importing,
their announcements after commit, the SQLite settings and newsroom.contention.
The threaded tests use real transactions, one connection per thread; on SQLite
the test database is a file (tests/conftest.py), so threads contend for its
lock as a server's do. The same tests run on PostgreSQL.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psycopg.errors
import pytest
from django.db import OperationalError, connection, connections, transaction
from django.test import Client
from django.urls import reverse

from articles.models import Article, SourcePage
from articles.parsing import parse_page, read_page
from articles.services.importing import CREATED, UPDATED, page_import, pages_import
from articles.signals import articles_changed
from editorial import services
from editorial.errors import EditConflict
from newsroom.contention import BUSY_MESSAGE, BusyDatabaseMiddleware
from tests.desk import desk, fresh, page  # noqa: F401  (fixtures)
from tests.seedpages import seed_path
from tests.test_editorial_admin import _change_data

CHANGE_LIST = reverse("admin:articles_article_changelist")


@pytest.fixture
def pages(tmp_path) -> tuple[Path, Path]:
    """A seed page of nine articles and the same page re-scanned: same headlines, every body changed."""
    first = Path(shutil.copy(seed_path("004"), tmp_path / "page.txt"))
    rescan = tmp_path / "rescan" / first.name
    rescan.parent.mkdir()
    rescan.write_text(first.read_text(encoding="utf-8").replace("。\n", "。又讯。\n"), encoding="utf-8")
    pages_import(paths=[first])
    return first, rescan


def run_together(*jobs: Callable[[], object]) -> list[object]:
    """Start every job at once, each in its own thread (so its own connection);
    returns what each returned or raised."""
    start = threading.Barrier(len(jobs))
    outcomes: list[object] = [None] * len(jobs)

    def run(i: int, job: Callable[[], object]) -> None:
        start.wait()
        try:
            outcomes[i] = job()
        except Exception as exc:  # noqa: BLE001  (the test asserts on it)
            outcomes[i] = exc
        finally:
            connections.close_all()  # else the test database cannot be flushed or dropped

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def admin_save(client: Client, url: str, data: dict) -> Callable[[], str]:
    """A POST of the admin change form, as what the editor is told: saved, refused or busy."""

    def post() -> str:
        response = client.post(url, data)
        if response.status_code == 302 and response["Location"].split("?")[0] == CHANGE_LIST:
            return "saved"
        if response.status_code == 302 and response["Location"] == url:  # back to the form, with the conflict
            return "refused"
        # The form again, with its errors: a conflict, or bylines the import rewrote.
        if response.status_code == 200 and 'class="errornote"' in response.content.decode():
            return "refused"
        if response.status_code == 409 and "稍后重试" in response.content.decode():
            return "busy"
        return f"{response.status_code}: {response.content[:200]!r}"

    return post


@pytest.mark.django_db(transaction=True)
def test_parallel_admin_saves_during_an_import_are_saved_or_refused_and_never_lost(desk, pages):
    _, rescan = pages
    chief = desk("chief")
    articles = list(Article.objects.order_by("position"))
    # Eight editors save the first article from the same version, one editor each of the others.
    targets = [articles[0]] * 8 + articles[1:]
    saves, titles = [], []
    for i, article in enumerate(targets):
        client = Client()
        client.force_login(chief)
        data = _change_data(client, article)  # every form is opened before anyone saves
        data["title"] = f"编辑{i}改的标题"
        titles.append(data["title"])
        saves.append(admin_save(client, reverse("admin:articles_article_change", args=[article.pk]), data))

    def reimport():
        time.sleep(0.2)  # so that some saves come before the import and some wait for it
        return pages_import(paths=[rescan])

    *told, report = run_together(*saves, reimport)

    assert not isinstance(report, Exception), report
    assert [r.status for r in report.results] == [UPDATED]
    assert set(told) <= {"saved", "refused", "busy"}, told
    stored = dict(Article.objects.values_list("pk", "title"))
    for article, title, outcome in zip(targets, titles, told, strict=True):
        assert (stored[article.pk] == title) == (outcome == "saved"), (title, outcome)
    assert told[:8].count("saved") <= 1
    # A save either came first, and the import kept the editor's version, or met the import's version.
    assert report.results[0].articles_protected == len({a.pk for a, o in zip(targets, told) if o == "saved"})


@pytest.mark.django_db(transaction=True)
def test_a_save_while_an_import_holds_its_page_waits_for_it_and_is_refused_as_a_conflict(desk, pages):
    _, rescan = pages
    chief = desk("chief")
    article = Article.objects.order_by("position").first()
    record = parse_page(read_page(rescan))
    article.title = "编辑改的标题"
    page_locked, saving = threading.Event(), threading.Event()

    def editor() -> object:
        page_locked.wait()
        saving.set()
        return services.article_store(article=article, user=chief, seen_version=article.version)

    def importer() -> object:
        with transaction.atomic():
            # What page_import does first; the editor's save starts while the page is held.
            SourcePage.objects.select_for_update().get(pk=article.source_page_id)
            page_locked.set()
            saving.wait()
            time.sleep(0.3)
            return page_import(page=record)

    saved, imported = run_together(editor, importer)

    assert not isinstance(imported, Exception), imported
    assert imported.status == UPDATED and imported.articles_updated == 9
    assert isinstance(saved, EditConflict), saved
    assert Article.objects.get(pk=article.pk).title != "编辑改的标题"


@pytest.fixture
def failing_listener(monkeypatch):
    """articles_changed with two listeners: the first fails as a busy database would,
    the second records the ids it was told about."""
    monkeypatch.setattr(articles_changed, "receivers", [])
    articles_changed.sender_receivers_cache.clear()
    told: list[list[int]] = []

    def busy(sender, **kwargs):
        raise OperationalError("database is locked")

    def record(sender, *, article_ids, **kwargs):
        told.append(article_ids)

    articles_changed.connect(busy, weak=False)
    articles_changed.connect(record, weak=False)
    return told


def test_a_listener_failing_after_a_save_neither_fails_the_stored_save_nor_stops_the_others(
    desk, page, failing_listener, django_capture_on_commit_callbacks, caplog
):
    page[0].title = "编辑改的标题"
    with django_capture_on_commit_callbacks(execute=True):
        services.article_store(article=page[0], user=desk("chief"), seen_version=page[0].version)

    assert fresh(page[0]).title == "编辑改的标题"
    assert failing_listener == [[page[0].pk]]
    assert "database is locked" in caplog.text


def test_a_listener_failing_after_an_import_does_not_fail_the_committed_import(
    db, tmp_path, failing_listener, django_capture_on_commit_callbacks, caplog
):
    path = Path(shutil.copy(seed_path("004"), tmp_path))

    with django_capture_on_commit_callbacks(execute=True):  # the page's commit
        report = pages_import(paths=[path])

    assert [r.status for r in report.results] == [CREATED]
    assert Article.objects.count() == 9
    assert failing_listener == [report.results[0].changed_ids]
    assert "database is locked" in caplog.text


def test_bulk_edits_refuse_an_article_the_busy_database_kept_and_report_the_ones_done(desk, page, monkeypatch):
    check = services.check_can_edit

    def busy_on_the_second(*, user, article):
        if article.pk == page[1].pk:
            raise OperationalError("database is locked")
        check(user=user, article=article)

    monkeypatch.setattr(services, "check_can_edit", busy_on_the_second)

    result = services.articles_add_tags(articles=page, user=desk("chief"), tags=["港口"])

    assert result.done == [page[0].pk, page[2].pk]
    assert result.refused == [f"{page[1]}: {BUSY_MESSAGE}"]
    assert list(fresh(page[2]).tags.names()) == ["港口"]


def _deadlock() -> OperationalError:
    error = OperationalError("deadlock detected")
    error.__cause__ = psycopg.errors.DeadlockDetected()
    return error


@pytest.mark.parametrize("error", [OperationalError("database is locked"), _deadlock()], ids=["sqlite", "postgres"])
def test_a_lock_wait_that_runs_out_is_answered_409_to_try_again(rf, error):
    middleware = BusyDatabaseMiddleware(lambda request: None)

    response = middleware.process_exception(rf.post("/admin/articles/article/1/change/"), error)

    assert response.status_code == 409
    assert "稍后重试" in response.content.decode()


def test_other_database_errors_stay_server_errors(rf):
    middleware = BusyDatabaseMiddleware(lambda request: None)

    assert middleware.process_exception(rf.get("/"), OperationalError("no such table: articles_article")) is None


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite settings")
def test_sqlite_is_set_up_for_a_server_wal_a_busy_timeout_and_immediate_transactions(db):
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert cursor.execute("PRAGMA busy_timeout").fetchone() == (20000,)
    assert connection.transaction_mode == "IMMEDIATE"
