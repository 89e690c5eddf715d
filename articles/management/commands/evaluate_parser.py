"""Score the page parser against the corpus answer keys (articles.evaluation does the work).

Honest evaluation: --show-failures prints mismatches of dev pages only and
refuses any selection with test pages. Test pages are scored and reported in
their own section, never read while tuning.
"""

from __future__ import annotations

import json
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

    def handle(self, *args, corpus, split, paper, json: bool, show_failures, **options):
        if show_failures and split != DEV:
            raise CommandError(
                "--show-failures shows dev pages only: test pages are scored, never read while tuning. Add --split dev."
            )
        root = Path(corpus) if corpus else Path(settings.BASE_DIR) / "corpus"
        if not root.is_dir():
            raise CommandError(f"no corpus directory at {root}")
        pages, warnings = find_pages(root, split=split, paper=paper)
        scores = evaluate(pages)
        failures = format_failures(scores) if show_failures else None  # refuses test pages itself too
        if json:
            self.stdout.write(_as_json(scores, warnings, failures))
            return
        sides = (DEV, TEST) if split == "all" else (split,)
        self.stdout.write(format_report(scores, warnings, sides))
        if failures is not None:
            self.stdout.write("\n== failures (dev) ==\n" + failures)


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
