"""Issue 12 §7-9 end to end: pages that stopped pages_import with a traceback
are now imported (with warnings) or refused by a readable name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from articles.models import Article, SourcePage
from articles.services.importing import CREATED, pages_import
from articles import signals

pytestmark = pytest.mark.django_db

BODY = "青岛的线上消费在消费市场恢复中表现出极强的拉动作用。记者从市商务局获悉，网络零售额同比增长。\n"


@pytest.fixture(autouse=True)
def quiet_listeners(monkeypatch):
    # Listeners (search, linking, cache) have their own tests.
    monkeypatch.setattr(signals, "send_changed", lambda article_ids: None)


PAGES = {
    "masthead-13.txt": "2023年13月45日 星期一\n\n标题一则新闻\n\n本报记者 王浩\n\n" + BODY,
    "masthead-0230.txt": "2024年2月30日 星期五\n\n标题一则新闻\n\n本报记者 王浩\n\n" + BODY,
    "title-250.txt": "# " + "长" * 250 + "\n\n本报记者 王浩\n\n" + BODY,
    "kicker-210.txt": "# " + "引" * 210 + "——\n\n# 标题一则新闻\n\n本报记者 王浩\n\n" + BODY,
    "dateline-1332.txt": "标题一则新闻\n\n本报13月32日讯 " + BODY,
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_that_used_to_crash_is_imported(tmp_path, name):
    path = tmp_path / name
    path.write_text(PAGES[name], encoding="utf-8")
    report = pages_import(paths=[path])
    (result,) = report.results
    assert result.status == CREATED, result.error
    assert result.warnings
    source = SourcePage.objects.get(file_name=name)
    assert source.edition_date is None
    article = Article.objects.get(source_page=source)
    assert article.dateline_date == ""


def test_dateline_13_32_is_kept_raw_without_a_date(tmp_path):
    path = tmp_path / "dateline.txt"
    path.write_text(PAGES["dateline-1332.txt"], encoding="utf-8")
    pages_import(paths=[path])
    article = Article.objects.get()
    assert (article.dateline, article.dateline_date) == ("本报13月32日讯", "")


def test_non_utf8_file_name_is_imported_by_a_printable_name(tmp_path):
    raw = os.fsencode(str(tmp_path)) + b"/\xb2\xe2page\xff.txt"
    with open(raw, "wb") as handle:
        handle.write(PAGES["dateline-1332.txt"].encode("utf-8"))
    report = pages_import(paths=[Path(os.fsdecode(raw))])
    (result,) = report.results
    assert result.status == CREATED, result.error
    assert SourcePage.objects.get().file_name == result.file_name
    result.file_name.encode("utf-8")
