"""Shared test data builders, the seeded archive, and control of articles_changed."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_migrate
from django.test import TestCase
from django.test.utils import override_settings
from django.utils import timezone

from django.utils.translation.reloader import translation_file_changed

from articles import signals
from articles.models import Article, Byline, Reporter, SourcePage
from newsroom.catalogues import compile_catalogues
from search import columns as search_columns
from search import hitsets as search_hitsets
from tests.seedpages import REPO_ROOT, SEED_PREFIXES, seed_path
from tests.browser import chromium  # noqa: F401  (fixture: tests.browser.browser's, one per module)
from tests.ordering import pytest_collection_modifyitems, pytest_runtest_logreport, pytest_sessionfinish  # noqa: F401  (hooks)

# Tests assert the Chinese a reader sees, so the catalogues are compiled
# first, as `make test` does; pytest run by hand after pulling a .po change
# must not test the old .mo. Django may have loaded a catalogue already (while
# setting up): forget every loaded one, as runserver does when a .mo changes.
if written := compile_catalogues():
    translation_file_changed(sender=None, file_path=written[0])


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config) -> int | None:
    # `make test` runs a worker per core (-n auto). Every test empties the cache
    # first (empty_cache), and a Redis cache's clear() empties the whole Redis
    # database, the other workers' pages too: on Redis the suite runs in one process.
    if settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        return 0
    return None


@pytest.fixture(autouse=True, scope="session")
def fast_password_hasher() -> Iterator[None]:
    # PBKDF2 costs ~0.2 s per password on purpose; tests log users in by the hundred.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    # Django tests SQLite in memory, where threads share one connection and never
    # contend for the file lock the server's processes and threads do; a file per
    # run tests the real thing, as PostgreSQL tests do, and keeps parallel runs apart.
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(autouse=True, scope="session")
def postgresql_flush_by_delete() -> Iterator[None]:
    # A transactional test (transactional_db, live_server) ends with a flush of
    # every table. PostgreSQL's TRUNCATE gives each of the ~45 tables and their
    # indexes new files: 1.5-2 s a flush, against 0.05 s for DELETE FROM the
    # same tables, which a test's few rows cost nothing to delete. Without
    # reset_sequences or cascading (which no test asks for) both leave the same
    # empty tables and sequences; the foreign keys are DEFERRABLE INITIALLY
    # DEFERRED, so the flush's one transaction may delete in any order.
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(table))};" for table in tables]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(DatabaseOperations, "sql_flush", sql_flush)
        yield


GROUPS = str(REPO_ROOT / "fixtures" / "groups.json")


def _groups_after_flush(sender, using, **kwargs) -> None:
    # post_migrate is sent once per app, after Django's own receivers have made
    # that app's permissions; the groups name permissions of several apps, all
    # there once the last app with models has had its turn.
    if sender is not [config for config in apps.get_app_configs() if config.models_module][-1]:
        return
    # The fixture's groups written in bulk, three queries: loaddata looks each
    # permission up alone (0.09 s a flush, and a flush ends every transactional test).
    entries = json.loads(Path(GROUPS).read_text(encoding="utf-8"))
    permissions = {
        (p.codename, p.content_type.app_label, p.content_type.model): p.pk
        for p in Permission.objects.using(using).select_related("content_type")
    }
    groups = Group.objects.using(using).bulk_create([Group(name=entry["fields"]["name"]) for entry in entries])
    Membership = Group.permissions.through
    Membership.objects.using(using).bulk_create([
        Membership(group_id=group.pk, permission_id=permissions[tuple(key)])
        for group, entry in zip(groups, entries, strict=True)
        for key in entry["fields"]["permissions"]
    ])


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker) -> Iterator[None]:
    # The desk's groups (fixtures/groups.json, as `make run` loads them) are in
    # the test database from the start: loading them costs some 160 queries
    # (a permission each), and hundreds of desk tests would pay that per test.
    # Each test's rollback keeps them. A transactional test ends with a flush
    # of every table, after which Django makes its permissions again
    # (post_migrate); the groups come back with them, once, rather than in
    # every later desk test (tests.desk.desk loads them when they are missing).
    with django_db_blocker.unblock():
        call_command("loaddata", GROUPS, verbosity=0)
    post_migrate.connect(_groups_after_flush, dispatch_uid="tests.groups_after_flush")
    yield
    post_migrate.disconnect(dispatch_uid="tests.groups_after_flush")


IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True, scope="session")
def immediate_tasks() -> Iterator[None]:
    # Tasks (linking, large search batches) run at once, in the test's own
    # process and transaction, so behaviour stays synchronous and deterministic.
    # tests/test_linking_tasks.py switches to the database queue and runs its worker.
    with override_settings(TASKS=IMMEDIATE_TASKS):
        yield


@pytest.fixture(autouse=True, scope="session")
def media_root(tmp_path_factory) -> Iterator[None]:
    # Imported page pictures and PDFs (SourcePage.image, .pdf) go to a folder of the run, never var/media.
    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    # Public pages are cached (public.pagecache); the cache outlives each
    # test's database rollback, so every test starts with an empty one.
    cache.clear()
    # So do search's per-process copies of the facet entries and words (search.columns, search.hitsets).
    search_columns.forget()
    search_hitsets.forget()


@pytest.fixture
def announcements(monkeypatch) -> Callable[..., AbstractContextManager[list[list[int]]]]:
    """Capture articles_changed: what announce_changed() sends once the writes commit.

        with announcements() as sent:          # receivers muted: search, linking, cache do not run
            pages_import(paths=[...])
        assert sent == [[1, 2, 3]]

        with announcements(deliver=True):      # receivers run too, as after a real commit
            ...

    Inside the with-block the test's own transaction stands for the commit;
    writes rolled back (a dry run, a failed edit) announce nothing.
    """

    @contextmanager
    def capture(*, deliver: bool = False) -> Iterator[list[list[int]]]:
        sent: list[list[int]] = []
        original = signals.send_changed

        def record(article_ids: list[int]) -> None:
            sent.append(article_ids)
            if deliver:
                original(article_ids)

        with monkeypatch.context() as patch:
            patch.setattr(signals, "send_changed", record)
            with TestCase.captureOnCommitCallbacks(execute=True):
                yield sent

    return capture


@pytest.fixture(scope="module")
def seeded_archive(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The five seed pages imported and published, with the gazetteer's entities, their
    tags, links and search index: built once per module, rolled back after it.
    Each test still runs in its own transaction, so what a test changes is undone."""
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            from articles.services.importing import pages_import

            call_command("loaddata", str(REPO_ROOT / "fixtures" / "gazetteer.json"), verbosity=0)
            pages_import(paths=[seed_path(prefix) for prefix in SEED_PREFIXES], publish=True)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def source_page(db) -> SourcePage:
    return SourcePage.objects.create(
        file_name="000_test.txt",
        sha256="0" * 64,
        raw_text="青岛电商“聚变”，澎湃消费强引擎\n\n正文。",
        outlet="青岛日报",
    )


@pytest.fixture
def make_article(source_page):
    def make(**fields) -> Article:
        page = fields.pop("source_page", source_page)
        fields.setdefault("position", Article.objects.filter(source_page=page).count() + 1)
        fields.setdefault("span_start", 0)
        fields.setdefault("span_end", 10)
        fields.setdefault("title", "青岛电商“聚变”，澎湃消费强引擎")
        fields.setdefault("body", "青岛的线上消费在消费市场恢复中表现出极强的拉动作用。\n\n## 集聚发展\n\n第二段。")
        article = Article(source_page=page, **fields)
        article.full_clean()  # fills the slug, as a form would
        article.save()
        return article

    return make


@pytest.fixture
def indexed(make_article):
    """make_article for search tests: published now unless told otherwise, and in the index."""
    from search.services import index_articles

    def make(**fields) -> Article:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now())
        article = make_article(**fields)
        index_articles(article_ids=[article.pk])
        return article

    return make


@pytest.fixture
def published_article(make_article) -> Article:
    article = make_article(status=Article.Status.PUBLISHED, published_at=timezone.now())
    reporter = Reporter.objects.create(name="丁倩倩", outlet="青岛日报/观海新闻", slug="ding-qianqian")
    Byline.objects.create(article=article, reporter=reporter, role="记者", position=1)
    return article
