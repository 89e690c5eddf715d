"""newsroom.settings: the install's language (NEWSROOM_LANGUAGE), name (NEWSROOM_SITE_NAME) and SQLite's commits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHOW = "from django.conf import settings; print(settings.LANGUAGE_CODE, settings.SITE_NAME)"


def _settings(**env: str) -> subprocess.CompletedProcess:
    # A subprocess, because settings are read once per process.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NEWSROOM_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_an_install_is_chinese_and_named_by_the_product_unless_told_otherwise():
    assert _settings().stdout.split() == ["zh-hans", "新闻编辑系统"]


def test_an_install_can_be_english_and_carry_its_own_name():
    assert _settings(NEWSROOM_LANGUAGE="en").stdout.split() == ["en", "Newsroom"]
    assert _settings(NEWSROOM_SITE_NAME="青岛日报").stdout.split() == ["zh-hans", "青岛日报"]


def test_an_unknown_language_is_refused_at_start():
    result = _settings(NEWSROOM_LANGUAGE="fr")
    assert result.returncode != 0 and "NEWSROOM_LANGUAGE" in result.stderr


def test_sqlite_commits_without_waiting_for_the_disk_unless_told_to_wait(db, monkeypatch):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL, with WAL
    monkeypatch.delenv("DATABASE_URL", raising=False)
    refused = _settings(SQLITE_SYNCHRONOUS="OFF")
    assert refused.returncode != 0 and "SQLITE_SYNCHRONOUS" in refused.stderr
