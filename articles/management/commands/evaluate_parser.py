"""Score the page parser against the corpus answer keys (articles.evaluation does the work).

Honest evaluation: --show-failures prints mismatches of dev pages only and
refuses any selection with test pages. Test pages are scored and reported in
their own section, never read while tuning.

--seeds N (dev only) scores N fresh printed renderings of every dev page
instead of the shipped ones: the parser was tuned on the shipped draw of the
printed transforms, so this is the figure on cuts and noise it has not seen.
The pages are rebuilt from the snapshots (--mirror) by corpus/tools/reseed.py
into a temporary directory.
"""

from __future__ import annotations

import importlib.util
import json
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.evaluation import Totals, evaluate, find_pages, format_failures, format_report
from articles.evaluation.corpus import DEV, TEST


class Command(BaseCommand):
    help = "Score the parser on corpus/ answer keys: per paper and in total, dev and test apart, and parse speed."

    def add_arguments(self, parser):
        parser.add_argument("corpus", nargs="?", default=None, help="corpus directory (default: corpus/ of the project)")
        parser.add_argument("--split", choices=(DEV, TEST, "all"), default="all")
        parser.add_argument("--paper", help="only this paper slug (e.g. renmin; the seeds are qingdao)")
        parser.add_argument("--json", action="store_true", help="print the scores as JSON")
        parser.add_argument(
            "--show-failures", action="store_true",
            help="print every mismatch, for dev pages only (needs --split dev; test pages are never shown)",
        )
        parser.add_argument(
            "--seeds", type=int, default=0,
            help="score N fresh printed renderings of each dev page instead of the shipped pages (needs --split dev)",
        )
        parser.add_argument(
            "--mirror", default=os.environ.get("CORPUS_MIRROR", ""),
            help="the fetched snapshots the pages are rebuilt from (--seeds; default: $CORPUS_MIRROR)",
        )

    def handle(self, *args, corpus, split, paper, json: bool, show_failures, seeds, mirror, **options):
        if show_failures and split != DEV:
            raise CommandError(
                "--show-failures shows dev pages only: test pages are scored, never read while tuning. Add --split dev."
            )
        if seeds and split != DEV:
            raise CommandError("--seeds renders dev pages only: test pages are never re-rendered. Add --split dev.")
        if seeds and not mirror:
            raise CommandError("--seeds rebuilds the pages from the fetched snapshots: give --mirror DIR or set CORPUS_MIRROR.")
        root = Path(corpus) if corpus else Path(settings.BASE_DIR) / "corpus"
        if not root.is_dir():
            raise CommandError(f"no corpus directory at {root}")
        pages, warnings = find_pages(root, split=split, paper=paper)
        if seeds:
            scores, warnings = _fresh_renderings(root, pages, seeds=seeds, mirror=Path(mirror))
        else:
            scores = evaluate(pages)
        failures = format_failures(scores) if show_failures else None  # refuses test pages itself too
        if json:
            self.stdout.write(_as_json(scores, warnings, failures))
            return
        sides = (DEV, TEST) if split == "all" else (split,)
        if seeds:
            self.stdout.write(f"fresh printed renderings: {seeds} seed(s) of each dev page built from a source")
        self.stdout.write(format_report(scores, warnings, sides))
        if failures is not None:
            self.stdout.write("\n== failures (dev) ==\n" + failures)


def _fresh_renderings(root: Path, pages, *, seeds: int, mirror: Path):
    """Scores of ``seeds`` fresh printed renderings of each given page (dev pages; the seed pages have no source to rebuild)."""
    clean_ids = {p.id.removesuffix(".printed") for p in pages if p.split == DEV and not p.id.startswith("seeds/")}
    spec = importlib.util.spec_from_file_location("corpus_reseed", root / "tools" / "reseed.py")
    reseed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reseed)
    with tempfile.TemporaryDirectory(prefix="reseeded-") as tmp:
        _, warnings = reseed.write_reseeded(mirror=mirror, page_ids=clean_ids, seeds=seeds, out=Path(tmp))
        fresh, more = find_pages(Path(tmp), split=DEV)
        return evaluate(fresh), warnings + more


def _as_json(scores, warnings, failures) -> str:
    sections = {}
    for side in (DEV, TEST):
        chosen = [s for s in scores if s.split == side]
        if chosen:
            sections[side] = {
                "papers": {p: Totals.of(s for s in chosen if s.paper == p).as_dict() for p in sorted({s.paper for s in chosen})},
                "total": Totals.of(chosen).as_dict(),
            }
    report = {
        "warnings": list(warnings),
        "sections": sections,
        "total": Totals.of(scores).as_dict(),
        # Per-page counts for dev pages only; test pages appear in the totals alone.
        "dev_pages": [{"page": s.id, "paper": s.paper, **s.counts} for s in scores if s.split == DEV],
    }
    if failures is not None:
        report["failures"] = failures.splitlines()
    return json.dumps(report, ensure_ascii=False, indent=2)
