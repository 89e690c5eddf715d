"""manage.py evaluate_parser: tables per paper and total, dev and test apart; failures of dev pages only."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from tests.corpusmirror import fake_tools
from tests.seedpages import REPO_ROOT, seed_key_path, seed_path

SEED_KEYS = REPO_ROOT / "corpus" / "seeds"


def _page(corpus, page_id, seed_prefix, *, title_of_first=None):
    """A corpus page made of a seed page's text and key (optionally with a wrong first title)."""
    source = seed_path(seed_prefix)
    target = corpus / "pages" / f"{page_id}.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    key = json.loads(seed_key_path(seed_prefix).read_text(encoding="utf-8"))
    key["page"] = page_id
    if title_of_first is not None:
        key["articles"][0]["title"] = title_of_first
    target.with_suffix(".json").write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "corpus"
    _page(root, "devpaper/2024-08-05/01", "002", title_of_first="一个错的标题但能找到正文")
    _page(root, "secret/2025-02-27/03", "003", title_of_first="测试页的错标题")
    _page(root, "devpaper/2024-08-06/02", "001")
    (root / "split.json").write_text(json.dumps({
        "test_only_papers": ["secret"],
        "pages": {"devpaper/2024-08-05/01": "dev", "secret/2025-02-27/03": "test"},
    }), encoding="utf-8")
    return root


def run(*args) -> str:
    out = io.StringIO()
    call_command("evaluate_parser", *args, stdout=out)
    return out.getvalue()


def test_evaluate_parser_prints_dev_and_test_apart_with_speed(corpus):
    output = run(str(corpus))
    dev, test = output.split("== test:")
    assert "== dev: 1 page(s) ==" in dev and "devpaper" in dev and "secret" not in dev
    # A page split.json does not name counts as test (and says so).
    assert "warning: devpaper/2024-08-06/02: not in split.json; counted as test" in output
    assert "2 page(s) ==" in test and "secret" in test and "devpaper" in test
    assert "pages/s" in output and "parse speed: 3 page(s)" in output


def test_evaluate_parser_on_the_seeds_is_100_percent():
    output = run("--split", "dev", "--paper", "qingdao")
    total = next(line for line in output.splitlines() if line.startswith("total"))
    assert total.split()[1:5] == ["5", "31", "31", "31"]
    assert "100.0  403/403    100.0" in total


def test_evaluate_parser_refuses_to_show_failures_of_test_pages(corpus):
    for split in ("all", "test"):
        with pytest.raises(CommandError, match="dev pages only"):
            run(str(corpus), "--split", split, "--show-failures")


def test_evaluate_parser_shows_failures_of_dev_pages(corpus):
    output = run(str(corpus), "--split", "dev", "--show-failures")
    failures = output.split("== failures (dev) ==")[1]
    assert "devpaper/2024-08-05/01" in failures
    # The wrong title is a key problem; the article is still located by its body and matched.
    assert "title '一个错的标题但能找到正文' not found in the page text" in failures
    assert "title: expected '一个错的标题但能找到正文', got '以全面深化改革开创高质量发展新局面'" in failures
    assert "secret" not in output and "测试页的错标题" not in output


def test_evaluate_parser_json(corpus):
    report = json.loads(run(str(corpus), "--json"))
    assert set(report["sections"]) == {"dev", "test"}
    assert report["sections"]["dev"]["total"]["gold"] == 6
    assert report["sections"]["test"]["papers"]["secret"]["gold"] == 8
    assert [p["page"] for p in report["dev_pages"]] == ["devpaper/2024-08-05/01"]
    assert "failures" not in report


@pytest.fixture
def built_corpus(tmp_path):
    """A corpus built by a copy of corpus/tools from invented pages (fake/2024-01-02 is test)."""
    tools = fake_tools(tmp_path / "corpus")
    subprocess.run([sys.executable, str(tools / "build.py"), "--mirror", str(tmp_path)], check=True, capture_output=True)
    split = json.loads((tools.parent / "split.json").read_text(encoding="utf-8"))["pages"]
    assert split["fake/2024-01-02/01"] == "test" and split["fake/2024-01-01/01"] == "dev"
    return tools.parent


def test_evaluate_parser_scores_fresh_renderings_of_dev_pages_only(built_corpus):
    report = json.loads(run(str(built_corpus), "--split", "dev", "--seeds", "3", "--mirror", str(built_corpus), "--json"))
    assert sorted(p["page"] for p in report["dev_pages"]) == [
        f"fake/2024-01-01/{n}.seed{k}" for n in ("01", "02") for k in (1, 2, 3)]
    assert "test" not in report["sections"]
    assert report["total"]["gold"] == 18
    table = run(str(built_corpus), "--split", "dev", "--seeds", "2", "--mirror", str(built_corpus))
    assert table.startswith("fresh printed renderings: 2 seed(s)") and "== dev: 4 page(s) ==" in table


def test_evaluate_parser_renders_no_test_page(built_corpus):
    for split in ("all", "test"):
        with pytest.raises(CommandError, match="dev pages only"):
            run(str(built_corpus), "--split", split, "--seeds", "2")


def test_evaluate_parser_asks_where_the_snapshots_are_for_fresh_renderings(built_corpus, monkeypatch):
    monkeypatch.delenv("CORPUS_MIRROR", raising=False)
    with pytest.raises(CommandError, match="--mirror"):
        run(str(built_corpus), "--split", "dev", "--seeds", "2")


def test_evaluate_parser_scores_dev_pages_converted_to_the_other_script(corpus):
    report = json.loads(run(str(corpus), "--split", "dev", "--script", "hant", "--json"))
    assert [p["page"] for p in report["dev_pages"]] == ["devpaper/2024-08-05/01"]
    assert "test" not in report["sections"]
    plain = json.loads(run(str(corpus), "--split", "dev", "--json"))
    # The page and its key both in traditional characters: the parser finds the same articles.
    assert report["total"]["correct"] == plain["total"]["correct"] == report["total"]["gold"]
    table = run(str(corpus), "--split", "dev", "--script", "hant")
    assert "converted to hant" in table


def test_evaluate_parser_converts_no_test_page(corpus):
    for split in ("all", "test"):
        with pytest.raises(CommandError, match="dev pages only"):
            run(str(corpus), "--split", split, "--script", "hant")
