"""Two server processes sharing Redis and one SQLite file: an unpublish reaches both at once.

Needs a Redis server (REDIS_URL, or 127.0.0.1:6379); skipped when none answers.
Each run uses its own key prefix, so nothing else in that Redis database is touched.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/14"


def _redis_answers() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:
        return False


pytestmark = pytest.mark.skipif(not _redis_answers(), reason=f"no Redis server answers at {REDIS_URL}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def _manage(env: dict, *args: str) -> str:
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return done.stdout


CREATE = """
from django.utils import timezone
from articles.models import Article, SourcePage
page = SourcePage.objects.create(file_name="p1.txt", sha256="0" * 64, raw_text="x")
article = Article(source_page=page, position=1, span_start=0, span_end=1, title="即将撤下的稿件",
                  body="正文。", status=Article.Status.PUBLISHED, published_at=timezone.now())
article.full_clean()
article.save()
print(article.get_absolute_url())
"""

# As the desk does it (editorial.saving): a save in a transaction, announced on commit.
UNPUBLISH = """
from django.db import transaction
from articles.models import Article
from articles.signals import announce_changed
with transaction.atomic():
    article = Article.objects.get()
    article.status = Article.Status.UNPUBLISHED
    article.save()
    announce_changed([article.pk])
"""


@pytest.fixture
def database_file(tmp_path, db) -> Path:
    """A migrated SQLite file for the servers to share. On SQLite the test
    database is one already (holding no other test's rows: each rolls back or
    flushes), and a copy costs milliseconds where a `migrate` in a new process
    costs seconds; on PostgreSQL that `migrate` it is. (`db`, so that the test
    database exists when this module runs alone; nothing is written through it.)"""
    from django.db import connection

    path = tmp_path / "db.sqlite3"
    if connection.vendor == "sqlite":
        with sqlite3.connect(connection.settings_dict["NAME"]) as source, sqlite3.connect(path) as copy:
            source.backup(copy)
    else:
        _manage({**os.environ, "DATABASE_URL": f"sqlite:///{path}"}, "migrate", "--noinput", "--verbosity", "0")
    return path


def test_an_unpublished_article_is_a_404_on_every_server_at_once(database_file):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database_file}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        "DEBUG": "1",
        "PAGE_CACHE_SECONDS": "600",
    }
    path = _manage(env, "shell", "-c", CREATE).strip().splitlines()[-1]
    ports = [_free_port(), _free_port()]
    servers = [
        subprocess.Popen([sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                         cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for port in ports
    ]
    try:
        urls = [f"http://127.0.0.1:{port}{path}" for port in ports]
        deadline = time.monotonic() + 60
        for url in urls:
            while True:
                try:
                    status, body = _get(url)
                    break
                except OSError:
                    assert time.monotonic() < deadline, "server did not start"
                    time.sleep(0.2)
            assert status == 200 and "即将撤下的稿件" in body
        # Both serve it from the cache now: a change no signal announces does not show.
        with sqlite3.connect(database_file) as db:
            db.execute("UPDATE articles_article SET title = '改了但无人通知'")
        for url in urls:
            assert "即将撤下的稿件" in _get(url)[1]

        _manage(env, "shell", "-c", UNPUBLISH)  # a third process: the desk

        assert [_get(url)[0] for url in urls] == [404, 404]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=10)
