"""corpus/tools/reseed.py: fresh printed renderings of named pages, for evaluate_parser --seeds.

A copy of corpus/tools with one made-up source module (``fake_tools``:
invented articles, no snapshot) stands in for the real sources, whose
text is never read here.
"""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from tests.corpusmirror import fake_tools

@pytest.fixture
def tools(tmp_path):
    return fake_tools(tmp_path / "corpus")


def _reseed(tools):
    sys.path.insert(0, str(tools))
    spec = importlib.util.spec_from_file_location("reseed_under_test", tools / "reseed.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_renders_each_named_page_under_each_seed_and_names_them_dev(tools, tmp_path):
    out = tmp_path / "out"
    written, warnings = _reseed(tools).write_reseeded(
        mirror=tmp_path, page_ids={"fake/2024-01-01/01", "fake/2024-01-02/01", "fake/2030-01-01/09"}, seeds=3, out=out)
    assert sorted(written) == [f"fake/{d}/01.seed{k}" for d in ("2024-01-01", "2024-01-02") for k in (1, 2, 3)]
    # fake/2024-01-01/02 was not named: not rendered
    assert not list((out / "pages" / "fake" / "2024-01-01").glob("02*"))
    assert warnings == ["fake/2030-01-01/09: not rebuilt (its snapshot is missing)"]
    split = json.loads((out / "split.json").read_text(encoding="utf-8"))
    assert split["pages"] == dict.fromkeys(written, "dev")
    key = json.loads((out / "pages" / "fake" / "2024-01-01" / "01.seed2.json").read_text(encoding="utf-8"))
    assert key["page"] == "fake/2024-01-01/01.seed2" and key["rendering"] == "printed"
    assert [a["title"] for a in key["articles"]] == ["编造的标题0", "编造的标题1", "编造的标题2"]


def test_the_seeds_draw_different_renderings_of_the_same_text(tools, tmp_path):
    out = tmp_path / "out"
    _reseed(tools).write_reseeded(mirror=tmp_path, page_ids={"fake/2024-01-01/01"}, seeds=8, out=out)
    texts = {p.read_text(encoding="utf-8") for p in (out / "pages" / "fake" / "2024-01-01").glob("*.txt")}
    assert len(texts) > 1
    squeezed = {"".join(t.split()) for t in texts}
    # the transforms move bylines and captions and cut paragraphs: the characters are the same
    assert len({"".join(sorted(s)) for s in squeezed}) == 1
