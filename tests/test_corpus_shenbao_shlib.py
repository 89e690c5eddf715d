"""The 申报 source module (corpus/tools/sources/shenbao_shlib.py) on a made-up snapshot.

The records below are invented in the source's CSV layout; the real snapshot
is never read here (its text is not committed).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import sys
from pathlib import Path

import pytest

from tests.corpusmirror import snapshot_mirror
from tests.seedpages import REPO_ROOT

TOOLS = REPO_ROOT / "corpus" / "tools"
sys.path.insert(0, str(TOOLS))
_spec = importlib.util.spec_from_file_location("shenbao_shlib", TOOLS / "sources" / "shenbao_shlib.py")
shenbao = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shenbao)

FIELDS = ["label", "page", "item_index", "list_title", "publish", "detail_url", "title", "text"]
URL = "https://example.org/tm_shownews.php?id={id}&qrygroup=1&qrynewstype={kind}&n=1"


def _row(aid: str, publish: str, title: str, text: str, kind: str = "SP") -> dict:
    return {"label": "x", "page": "1", "item_index": "1", "list_title": title, "publish": publish,
            "detail_url": URL.format(id=aid, kind=kind), "title": title, "text": text}


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()


@pytest.fixture
def snapshot(tmp_path, monkeypatch):
    """A bare-enough git snapshot at <mirror>/GeonjoonBae+shlib-shenbao-dataset-workflow/repo."""
    work = tmp_path / "work"
    (work / "shenbao_textdata").mkdir(parents=True)
    first, *others = shenbao.PATHS
    page = "申報 日期：1949-01-02 版次/卷期：03 版 "
    (work / first).write_text(_csv([
        _row("A2", page + "本報訊", "乙題 第二行", "乙文第一段。 乙文第二段。"),
        _row("A1", page + "甲社某地一日電", "甲題", "甲文，有 空格的一段。"),
        _row("A9", page + "分類廣告 本報訊", "廣告", "廣告文。", kind="SP_AD"),
        _row("B1", "申報 日期：1949-01-03 版次/卷期：01 版 一九一一年", "丙題", "丙文。"),
        _row("B2", "申報 日期：1949-01-03 版次/卷期：01 版 本報訊", "丁題", "丁文。"),
    ]), encoding="utf-8")
    # the same article as a hit of another search: read once
    (work / others[0]).write_text(_csv([_row("A1", page + "甲社某地一日電", "甲題", "甲文，有 空格的一段。")]), encoding="utf-8")
    for path in others[1:]:
        (work / path).write_text(_csv([]), encoding="utf-8")
    mirror = tmp_path / "mirror"
    commit = snapshot_mirror(work, mirror=mirror, repo=shenbao.SOURCE["repo"])
    monkeypatch.setattr(shenbao, "COMMIT", commit)
    return mirror


@pytest.mark.parametrize(("dateline", "date"), [
    ("本報訊", ""), ("中央社南京廿七日電", "---27"), ("路透社倫敦二十日電", "---20"),
    ("本報南京卅日電", "---30"), ("合衆社柏林十二日電", "---12"), ("倫敦二月二十八日電", "--02-28"),
    ("本報瀋陽一日航訊", "---01"),
])
def test_corpus_shenbao_dateline_day_from_chinese_numerals(dateline, date):
    assert shenbao.dateline_date(dateline) == date


def test_corpus_shenbao_page_is_the_hits_of_one_date_and_ban_in_article_id_order(snapshot, monkeypatch):
    monkeypatch.setattr(shenbao, "PAGES", {"1949-01-02": [3]})
    [page] = shenbao.build(snapshot)
    assert page.id == "shenbao/1949-01-02/03" and page.paper == "申报"
    assert page.paths == [shenbao.PATHS[0]]  # the file the kept records were read from
    key = page.answer_key()
    # the duplicate hit is read once, the classified advertisement is left out
    assert [a["title"] for a in key["articles"]] == ["甲題", "乙題第二行"]
    first, second = key["articles"]
    assert (first["dateline"], first["dateline_date"]) == ("甲社某地一日電", "---01")
    assert (second["dateline"], second["dateline_date"]) == ("本報訊", "")
    # a space after 。 starts a paragraph, other spaces stay in the line
    assert [b.text for b in page.articles[1].blocks] == ["本報訊", "乙文第一段。", "乙文第二段。"]
    assert [b.text for b in page.articles[0].blocks if b.kind == "para"] == ["甲文，有 空格的一段。"]
    assert second["body_start"] == "乙文第一段。乙文第二段。" and page.articles[1].title_lines == ["乙題", "第二行"]


def test_corpus_shenbao_refuses_a_page_whose_first_bracketed_item_is_not_a_dateline(snapshot, monkeypatch):
    monkeypatch.setattr(shenbao, "PAGES", {"1949-01-03": [1]})
    with pytest.raises(ValueError, match="datelines"):
        shenbao.build(snapshot)


def test_corpus_shenbao_never_builds_a_reserved_edition(snapshot, monkeypatch):
    monkeypatch.setattr(shenbao, "PAGES", {"1947-03-05": [1]})
    with pytest.raises(ValueError, match="reserved"):
        shenbao.build(snapshot)
