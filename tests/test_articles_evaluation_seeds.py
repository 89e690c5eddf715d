"""The five seed pages stay 100%: every article correct and every field check passed.

The answer keys in corpus/seeds/ were written from the parser's output and
then checked field by field against the page text by hand; if the parser
changes what it finds on a seed, this fails and --show-failures says where.
"""

from __future__ import annotations

import json

from articles.evaluation import Totals, evaluate, find_pages, format_failures
from articles.evaluation.corpus import ARTICLE_KEYS
from tests.seedpages import REPO_ROOT, SEED_DIR

CORPUS = REPO_ROOT / "corpus"


def _seed_pages():
    pages, _ = find_pages(CORPUS, split="dev", paper="qingdao")
    return [p for p in pages if p.id.startswith("seeds/")]


def test_evaluation_every_seed_has_an_answer_key_in_the_readme_format():
    # The keys mirror the seeds' layout: seeds/<pub>/<date>/<NN>-<版名>.txt ↔ corpus/seeds/<same>.json
    stems = sorted(p.relative_to(SEED_DIR).with_suffix("").as_posix() for p in SEED_DIR.rglob("*.txt"))
    keys = sorted(p.relative_to(CORPUS / "seeds").with_suffix("").as_posix() for p in (CORPUS / "seeds").rglob("*.json"))
    assert keys == stems and len(stems) == 5
    for stem in stems:
        key = json.loads((CORPUS / "seeds" / f"{stem}.json").read_text(encoding="utf-8"))
        assert key["page"] == f"seeds/{stem}" and key["paper_slug"] == "qingdao"
        publication, day, page = stem.split("/")
        assert key["edition_date"] == day and key["page_number"] == int(page.split("-")[0])
        for article in key["articles"]:
            assert set(article) == set(ARTICLE_KEYS), (stem, article.get("title"))


def test_evaluation_seeds_score_100_percent_with_the_current_parser():
    pages = _seed_pages()
    assert [p.split for p in pages] == ["dev"] * 5
    scores = evaluate(pages)
    totals = Totals.of(scores)
    assert format_failures(scores) == "no failures"
    assert totals.counts["gold"] == totals.counts["found"] == totals.counts["correct"] == 31
    assert totals.pct_correct == 100.0
    assert totals.checks_passed == totals.checks_total == 31 * 13
