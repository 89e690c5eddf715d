"""Score the page parser against the corpus answer keys (articles.evaluation does the work).

Honest evaluation: --show-failures prints mismatches of dev pages only and
refuses any selection with test pages. Test pages are scored and reported in
their own section, never read while tuning.

--seeds N (dev only) scores N fresh printed renderings of every dev page
instead of the shipped ones: the parser was tuned on the shipped draw of the
printed transforms, so this is the figure on cuts and noise it has not seen.
The pages are rebuilt from the snapshots (--mirror) by corpus/tools/reseed.py
into a temporary directory.

--script hant|hans (dev only) scores the pages converted to traditional or
simplified characters, text and answer key alike (OpenCC, text.scripts): the
papers we are scored on are printed in both scripts, and a convention the
parser knows in one script only shows here as a drop against the plain score.
"""

from __future__ import annotations

import importlib.util
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.evaluation import Totals, evaluate, find_pages, format_failures, format_report
from articles.evaluation.corpus import DEV, TEST, CorpusPage
from text.scripts import to_simplified, to_traditional

SCRIPTS: dict[str, Callable[[str], str]] = {"hant": to_traditional, "hans": to_simplified}
# Answer-key fields that are labels of the key's own vocabulary, not printed
# text: a reporter's role is 记者 whatever script the page is set in.
_LABELS = frozenset({"role", "dateline_date", "page", "paper_slug", "edition_date", "rendering", "source"})


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
        parser.add_argument(
            "--script", choices=sorted(SCRIPTS),
            help="score the pages converted to traditional (hant) or simplified (hans) characters, text and key (needs --split dev)",
        )

    def handle(self, *args, corpus, split, paper, json: bool, show_failures, seeds, mirror, script, **options):
        if show_failures and split != DEV:
            raise CommandError(
                "--show-failures shows dev pages only: test pages are scored, never read while tuning. Add --split dev."
            )
        if seeds and split != DEV:
            raise CommandError("--seeds renders dev pages only: test pages are never re-rendered. Add --split dev.")
        if script and split != DEV:
            raise CommandError("--script converts dev pages only: test pages are never rewritten. Add --split dev.")
        if seeds and not mirror:
            raise CommandError("--seeds rebuilds the pages from the fetched snapshots: give --mirror DIR or set CORPUS_MIRROR.")
        root = Path(corpus) if corpus else Path(settings.BASE_DIR) / "corpus"
        if not root.is_dir():
            raise CommandError(f"no corpus directory at {root}")
        pages, warnings = find_pages(root, split=split, paper=paper)
        with tempfile.TemporaryDirectory(prefix="evaluate-") as tmp:
            if seeds:
                pages, warnings = _fresh_renderings(root, pages, seeds=seeds, mirror=Path(mirror), out=Path(tmp) / "seeded")
            if script:
                pages = list(_converted(pages, SCRIPTS[script], out=Path(tmp) / "converted"))
            scores = evaluate(pages)
        failures = format_failures(scores) if show_failures else None  # refuses test pages itself too
        if json:
            self.stdout.write(_as_json(scores, warnings, failures))
            return
        sides = (DEV, TEST) if split == "all" else (split,)
        if seeds:
            self.stdout.write(f"fresh printed renderings: {seeds} seed(s) of each dev page built from a source")
        if script:
            self.stdout.write(f"converted to {script}: page text and answer keys (OpenCC)")
        self.stdout.write(format_report(scores, warnings, sides))
        if failures is not None:
            self.stdout.write("\n== failures (dev) ==\n" + failures)


def _fresh_renderings(root: Path, pages, *, seeds: int, mirror: Path, out: Path) -> tuple[list[CorpusPage], list[str]]:
    """``seeds`` fresh printed renderings of each given page, written under ``out`` (dev pages; the seed pages have no source to rebuild)."""
    clean_ids = {p.id.removesuffix(".printed") for p in pages if p.split == DEV and not p.id.startswith("seeds/")}
    spec = importlib.util.spec_from_file_location("corpus_reseed", root / "tools" / "reseed.py")
    reseed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reseed)
    _, warnings = reseed.write_reseeded(mirror=mirror, page_ids=clean_ids, seeds=seeds, out=out)
    fresh, more = find_pages(out, split=DEV)
    return fresh, warnings + more


def _converted(pages, convert: Callable[[str], str], *, out: Path) -> Iterator[CorpusPage]:
    """Each page with its text and key converted, the text written under ``out`` with its file name kept."""
    for index, page in enumerate(pages):
        text_path = out / str(index) / page.text_path.name
        text_path.parent.mkdir(parents=True)
        text_path.write_text(convert(page.text_path.read_text(encoding="utf-8")), encoding="utf-8")
        yield replace(page, text_path=text_path, key=_convert_key(page.key, convert))


def _convert_key(value, convert: Callable[[str], str]):
    """Every printed string of an answer key converted; labels (role, dates, ids) kept."""
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, list):
        return [_convert_key(v, convert) for v in value]
    if isinstance(value, dict):
        return {k: v if k in _LABELS else _convert_key(v, convert) for k, v in value.items()}
    return value


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
