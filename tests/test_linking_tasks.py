"""linking.tasks: with the database queue an edit only enqueues its linking; the worker links it."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles.models import Article
from articles.services.importing import pages_import
from linking import tasks as linking_tasks
from linking.models import Mention, Profile
from linking.services import refresh
from tests.conftest import DATABASE_TASKS
from tests.desk import desk, fresh, page  # noqa: F401 (fixtures)
from tests.linkingdata import gazetteer  # noqa: F401 (a fixture)
from tests.seedpages import copy_seed
from tests.test_editorial_admin import _change_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue():
    with override_settings(TASKS=DATABASE_TASKS):
        yield


@pytest.fixture
def link_calls(monkeypatch) -> list[list[int]]:
    """The ids of every articles_link() pass, wherever it runs."""
    calls: list[list[int]] = []
    original = refresh.articles_link

    def spy(*, article_ids):
        calls.append(list(article_ids))
        return original(article_ids=article_ids)

    monkeypatch.setattr(linking_tasks, "articles_link", spy)
    return calls


def _run_worker() -> None:
    """The real worker, until the queue is empty. It closes stale connections between tasks,
    which on PostgreSQL would end the test's own transaction: not here."""
    from unittest import mock

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, verbosity=0)


def test_an_admin_edit_enqueues_its_linking_and_the_worker_links_it(
    database_queue, link_calls, gazetteer, desk, page, announcements
):
    client = Client()
    client.force_login(desk("chief"))
    url = reverse("admin:articles_article_change", args=[page[0].pk])
    data = _change_data(client, page[0])
    data["body"] = "崂山区茶园民宿迎来游客。\n\n崂山区的茶园民宿。"
    with CaptureQueriesContext(connection) as request_queries, announcements(deliver=True) as sent:
        assert client.post(url, data).status_code == 302
    assert sent == [[page[0].pk]]

    # The request enqueued one task and linked nothing: no jieba, no linking writes.
    assert link_calls == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "linking.tasks.link_articles"
    assert queued.args_kwargs == {"args": [[page[0].pk]], "kwargs": {}}
    assert not Profile.objects.exists() and not Mention.objects.exists()
    written = {q["sql"].split()[2].strip('"') for q in request_queries if q["sql"].startswith("INSERT")}
    assert not written & {"linking_profile", "linking_mention", "linking_autotag", "linking_relatedlink"}

    _run_worker()
    assert link_calls == [[page[0].pk]]
    assert fresh(page[0]).body.startswith("崂山区")
    assert list(Mention.objects.filter(article=page[0]).values_list("entity__name", flat=True)) == ["崂山区"]
    assert Profile.objects.filter(article=page[0]).exists()
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_an_import_hands_its_linking_to_the_worker_in_one_task_for_its_pages(
    database_queue, link_calls, gazetteer, tmp_path, announcements
):
    with announcements(deliver=True):
        pages_import(paths=[copy_seed(p, tmp_path) for p in ("000", "002")], publish=True)
    assert link_calls == [] and not Profile.objects.exists()
    # The two pages are announced together (articles.signals.announcing_together): one batch, one task.
    assert DBTaskResult.objects.filter(task_path="linking.tasks.link_articles").count() == 1

    _run_worker()
    assert sorted(pk for call in link_calls for pk in call) == sorted(Article.objects.values_list("pk", flat=True))
    assert Profile.objects.count() == Article.objects.count()
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()


def test_large_batches_are_split_into_tasks_of_batch_size(database_queue):
    results = linking_tasks.enqueue_linking(range(1, 121), batch_size=50)
    assert [len(r.args[0]) for r in results] == [50, 50, 20]


def test_with_the_immediate_backend_linking_runs_at_once(link_calls, gazetteer, make_article, announcements):
    from articles.signals import announce_changed

    article = make_article(title="茶园", body="崂山区茶园民宿。")
    with announcements(deliver=True):
        announce_changed([article.pk])
    assert link_calls == [[article.pk]]
    assert Mention.objects.filter(article=article).exists()


def _seed_dir(tmp_path, *prefixes):
    for p in prefixes:
        copy_seed(p, tmp_path)
    return str(tmp_path)


@pytest.mark.django_db(transaction=True)  # each page really commits, and announces
def test_import_seeds_reports_the_tasks_it_enqueued(database_queue, gazetteer, tmp_path):
    out = StringIO()
    call_command("import_seeds", _seed_dir(tmp_path, "000", "002"), stdout=out)
    # The two pages' articles are announced together: one linking task (and search indexes 12 at once).
    assert "已排入 1 个后台任务" in out.getvalue() and "--wait" in out.getvalue()
    assert DBTaskResult.objects.filter(status="READY").count() == 1


@pytest.mark.django_db(transaction=True)  # each page really commits, and announces
def test_import_seeds_wait_waits_until_the_worker_drained_the_queue(
    database_queue, gazetteer, tmp_path, monkeypatch
):
    from articles.management.commands import import_seeds

    from search import receivers
    from search.models import IndexEntry

    # The worker runs while the command sleeps between polls.
    monkeypatch.setattr(import_seeds, "_sleep", lambda seconds: _run_worker())
    # As for an archive of thousands of pages: more articles than search indexes at once.
    monkeypatch.setattr(receivers, "INLINE_MAX", 5)
    out = StringIO()
    call_command("import_seeds", _seed_dir(tmp_path, "000", "002"), "--wait", "--json", stdout=out, stderr=StringIO())
    # One linking task and one search task, both run by the time the command returns.
    assert json.loads(out.getvalue())["tasks"] == {"enqueued": 2, "waited": True, "left": 0, "failed": 0}
    assert set(DBTaskResult.objects.values_list("task_path", flat=True)) == {
        "linking.tasks.link_articles", "search.tasks.index_articles_task",
    }
    assert Profile.objects.count() == Article.objects.count() == IndexEntry.objects.count() > 0


@pytest.mark.django_db(transaction=True)  # each page really commits, and announces
def test_import_seeds_wait_timeout_reports_the_tasks_left(database_queue, gazetteer, tmp_path):
    out = StringIO()
    call_command("import_seeds", _seed_dir(tmp_path, "000"), "--wait", "--wait-timeout", "0", stdout=out)
    assert "已排入 1 个后台任务（关联、检索）；仍有 1 个排队或运行中" in out.getvalue()


@pytest.mark.django_db(transaction=True)  # each page really commits, and announces
def test_import_seeds_with_immediate_tasks_has_nothing_left_to_wait_for(gazetteer, tmp_path):
    out = StringIO()
    call_command("import_seeds", _seed_dir(tmp_path, "000"), "--wait", stdout=out)
    assert "已排入 1 个后台任务（关联、检索）；全部完成" in out.getvalue()
    assert Profile.objects.exists()
