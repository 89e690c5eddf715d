"""The 晶報 source module (corpus/tools/sources/jingbao.py) on a made-up snapshot, and
build.py's split of a paper by date.

The fold below is invented in the ECPO ground truth's XML layout; the real
snapshot is never read here (its text is not committed).
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.corpusmirror import snapshot_mirror
from tests.seedpages import REPO_ROOT

TOOLS = REPO_ROOT / "corpus" / "tools"
sys.path.insert(0, str(TOOLS))


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


jingbao = _load("jingbao", TOOLS / "sources" / "jingbao.py")
build = _load("corpus_build", TOOLS / "build.py")

FOLD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ecpo [
    <!ENTITY gaiji "&#xe111;">
]>
<fold xml:id="jb_0001_1920-04-03_0001to0004">
  <div type="page" page="recto" n="1">
    <div type="margin"><p>民國九年四月三日<lb/></p><p>星期六<lb/></p></div>
    <div type="advert"><p>廣告一則<lb/></p></div>
    <div type="article">
      <p>甲題第一行<lb/>甲題第二行<lb/></p>
      <p>（丹翁）<lb/></p>
      <p>甲文第一欄、<lb/>第二欄&gaiji;、<!-- a note --><lb/></p>
      <p>小標題<lb/></p>
      <p>甲文末段、人多異之、（柳）<lb/></p>
    </div>
    <div type="article">
      <p>不配！<lb/></p>
      <p>（孳善自）（瑞士寄）<lb/></p>
      <p>（重慶廿五日海通電）乙文、<lb/></p>
      <div type="image"><p>◘乙圖◘<lb/></p></div>
    </div>
    <div type="article">
      <p>◘丙無題之短訊、完了（完）<lb/></p>
    </div>
  </div>
  <div type="page" page="verso" n="4">
    <div type="article"><p>丁題<lb/></p><p>丁文、<lb/></p></div>
  </div>
</fold>
"""


@pytest.fixture
def snapshot(tmp_path, monkeypatch):
    """A git snapshot at <mirror>/hcts-hra+ecpo-data/repo holding one fold."""
    work = tmp_path / "work"
    folder = work / jingbao.ROOT / "1920" / "04"
    folder.mkdir(parents=True)
    (folder / "jb_0001_1920-04-03_0001+0004.xml").write_text(FOLD, encoding="utf-8")
    (folder / "jb_0001_1920-04-03_0001+0004.xml.bak").write_text(FOLD, encoding="utf-8")
    mirror = tmp_path / "mirror"
    commit = snapshot_mirror(work, mirror=mirror, repo="hcts-hra/ecpo-data")
    monkeypatch.setattr(jingbao, "COMMIT", commit)
    monkeypatch.setattr(jingbao, "EDITIONS", ["1920-04-03"])
    monkeypatch.setattr(jingbao, "PAGES_PER_EDITION", 1)
    return mirror


def test_corpus_jingbao_page_is_one_printed_page_of_a_fold_with_its_articles_only(snapshot):
    [page] = jingbao.build(snapshot)  # page 4 has one article: fewer than MIN_ARTICLES
    assert page.id == "jingbao/1920-04-03/01" and page.paper == "晶报"
    assert page.header == {"date": "民國九年四月三日", "weekday": "星期六"}
    first, second, third = page.answer_key()["articles"]
    # heading lines are title lines; the deck joined is the key's title
    assert page.articles[0].title_lines == ["甲題第一行", "甲題第二行"] and first["title"] == "甲題第一行甲題第二行"
    # a bracketed pen name is a reporter without a role word; a tail credit too
    assert first["reporters"] == [{"name": "丹翁", "role": ""}, {"name": "柳", "role": ""}]
    assert first["subheads"] == ["小標題"]
    # a <p>'s lines are joined; comments are not print; the gaiji entity is kept
    assert page.articles[0].blocks[0].text == "甲文第一欄、第二欄\ue111、"
    assert [b.text for b in page.articles[0].blocks][-2:] == ["甲文末段、人多異之、", "（柳）"]
    # a headline may end with ！; "sent from" is not a name; a nested image <p> is a caption
    assert second["title"] == "不配！" and second["reporters"] == [{"name": "孳善", "role": ""}]
    assert (second["dateline"], second["dateline_date"]) == ("（重慶廿五日海通電）", "---25")
    assert second["body_start"] == "乙文、" and second["captions"] == ["◘乙圖◘"]
    # a brief without a heading; a serial's end mark is not a credit
    assert third["title"] == "" and third["reporters"] == [] and third["body_end"].endswith("（完）")


def test_corpus_split_by_date_keeps_the_named_dates_test_and_the_others_dev(monkeypatch):
    monkeypatch.setattr(build, "TEST_ONLY_PAPERS", [])
    monkeypatch.setattr(build, "TEST_DATES", {"old": {"1949-05-10"}})
    ids = ["old/1949-05-10/02", "old/1949-05-10/02.printed", "old/1949-05-09/02", "old/1949-05-11/02",
           "old/1949-05-12/02", "new/2020-01-01/01", "new/2020-01-02/01", "new/2020-01-03/01"]
    pages = build.split(ids)["pages"]
    assert {i for i, s in pages.items() if s == "test"} == {
        "old/1949-05-10/02", "old/1949-05-10/02.printed",  # named, with its printed page
        "new/2020-01-03/01",  # every third date of a paper not split by date
    }


def test_corpus_split_keeps_every_page_named_before_and_adds_new_pages_of_a_known_paper_to_dev(monkeypatch):
    monkeypatch.setattr(build, "TEST_ONLY_PAPERS", ["closed"])
    monkeypatch.setattr(build, "TEST_DATES", {})
    previous = {"known/2020-01-01/01": "dev", "known/2020-01-02/01": "dev",
                "known/2020-01-03/01": "test", "known/2020-01-03/01.printed": "test"}
    added = ["known/2019-12-31/01", "known/2020-01-04/01", "known/2020-01-05/01", "known/2020-01-06/01",
             "known/2020-01-06/01.printed", "closed/2020-01-01/01",
             "fresh/2020-01-01/01", "fresh/2020-01-02/01", "fresh/2020-01-03/01"]
    pages = build.split([*previous, *added], previous)["pages"]
    assert {i: pages[i] for i in previous} == previous  # an earlier date does not shift the every-third rule
    assert all(pages[i] == "dev" for i in added if i.startswith("known/"))
    assert pages["closed/2020-01-01/01"] == "test"
    # a paper new to the split gets the rule, and gives up dev dates until a third is test
    assert [pages[f"fresh/2020-01-0{d}/01"] for d in (1, 2, 3)] == ["dev", "test", "test"]
